package org.copconnector.connector.server;

import com.google.gson.annotations.SerializedName;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CountDownLatch;

/** Test-only endpoints mounted beside the product's, to exercise the shared HTTP plumbing. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public final class ProbeResource {

  /** A body with each kind of field the plumbing must check. */
  public enum Mode {
    @SerializedName("online")
    ONLINE,
    @SerializedName("both")
    BOTH
  }

  /** What {@code /test/echo} accepts and returns. */
  public record Sample(String name, Mode mode, int count) {
    public Sample {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name is required");
      }
    }
  }

  final CountDownLatch slowStarted = new CountDownLatch(1);

  @POST
  @Path("/echo")
  @Consumes(MediaType.APPLICATION_JSON)
  public Sample echo(Sample sample) {
    return sample;
  }

  @GET
  @Path("/boom")
  public String boom() {
    throw new IllegalStateException("internal detail: table cop_secret_thing");
  }

  @GET
  @Path("/slow")
  public Sample slow() throws InterruptedException {
    slowStarted.countDown();
    Thread.sleep(1500);
    return new Sample("slow", Mode.BOTH, 1);
  }
}
