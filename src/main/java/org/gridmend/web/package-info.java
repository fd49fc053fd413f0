/**
 * The HTTP edge: the error format and the status of each refusal kind, body limits, OpenAPI, page routes.
 */
package org.gridmend.web;
