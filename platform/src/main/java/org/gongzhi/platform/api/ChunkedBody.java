package org.gongzhi.platform.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Gives the REST layer a chunked body that {@link BodyLimit} already read (within the limit): the request has ended
 * by then, and the REST layer would otherwise wait for data that never comes and see an empty body.
 */
public class ChunkedBody {
    @ServerRequestFilter(preMatching = true)
    public void useTheBodyReadByTheLimit(ContainerRequestContext request, RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(BodyLimit.READ_HERE))) {
            Buffer body = routing.body().buffer();
            request.setEntityStream(new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes()));
        }
    }
}
