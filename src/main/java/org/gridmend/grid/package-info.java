/**
 * The grid archive: stations, substations, feeders, devices, transformers, customers and crews, imported as one
 * document and searched by place and topology. Owns the gm_grid_* tables.
 */
package org.gridmend.grid;
