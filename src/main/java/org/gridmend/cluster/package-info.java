/**
 * The GridMend nodes of one deployment: each node's identity (gridmend.node.id, else its host name and a random
 * suffix), its heartbeat in gm_node, the nodes alive (seen within 30 s) for the board and the node's health
 * component. Owns gm_node.
 */
package org.gridmend.cluster;
