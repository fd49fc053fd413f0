/**
 * The crews' monthly performance (内部绩效评价): figures and a score per crew and month, read-only over the repair,
 * audit and learning tables.
 */
package org.gridmend.performance;
