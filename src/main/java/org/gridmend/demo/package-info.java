/**
 * The demo profile: demo grid and users, the development head-end, moving crews and the board's storm button.
 * Nothing outside depends on it.
 */
package org.gridmend.demo;
