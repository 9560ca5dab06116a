import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An agency system's webhook endpoint, as small as it can be, for trying the backbone locally (README "Try it"):
 * {@code java docs/examples/WebhookReceiver.java <port> <secret>}. It checks each delivery the way a receiver should
 * (the signature over id.timestamp.body with the agency's secret, compared in constant time; a timestamp within five
 * minutes, against replay; each event id handled once, as deliveries are at least once), prints it, and answers 204;
 * anything that fails a check gets 401 and is not handled. Listens on 127.0.0.1 only.
 */
public class WebhookReceiver {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] secret = args[1].getBytes(StandardCharsets.UTF_8);
        java.util.Set<String> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                boolean signed = signature != null && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
                boolean fresh = timestamp != null
                        && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= 300;
                if (!signed || !fresh) {
                    System.out.println("refused " + id + (signed ? ": stale timestamp" : ": bad signature"));
                    status = 401;
                } else {
                    System.out.println((handled.add(id) ? "received " : "again (already handled) ") + id + " "
                            + body);
                    status = 204;
                }
            } catch (Exception e) {
                System.out.println("refused " + id + ": " + e);
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println("Listening on http://127.0.0.1:" + port + "/ (stop with Ctrl-C, or kill its PID)");
    }
}
