package org.gridmend.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of GridMend's own API at /v3/api-docs, browsable at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "GridMend API",
                        version = "v1",
                        description = "Fault reports, repair orders, outage notices and the grid archive. Errors are "
                                + "{\"error\": CODE, \"message\": TEXT, \"field\": NAME?} with a 4xx status."),
        security = @SecurityRequirement(name = "staff"))
@SecurityScheme(
        name = "staff",
        type = SecuritySchemeType.HTTP,
        scheme = "basic",
        description = "A Camunda user of GridMend (groups crews, dispatchers, auditors, admins)")
class OpenApiConfiguration {}
