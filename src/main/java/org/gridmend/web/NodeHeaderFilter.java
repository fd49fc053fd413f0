package org.gridmend.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridmend.cluster.NodeService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer names the GridMend node that gave it ({@code X-GridMend-Node}), so that operations behind a load
 * balancer see which node answered, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NodeHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-GridMend-Node";

    private final NodeService nodes;

    NodeHeaderFilter(NodeService nodes) {
        this.nodes = nodes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, nodes.id());
        chain.doFilter(request, response);
    }
}
