/**
 * The dispatchers' live board: open repair orders, crews and the grid on one page, read-only over the other
 * features' tables.
 */
package org.gridmend.board;
