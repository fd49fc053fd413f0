/**
 * The storm simulator and the prediction accuracy storms: clients of GridMend's HTTP API, run from the command
 * line or by the demo's board.
 */
package org.gridmend.demo.storm;
