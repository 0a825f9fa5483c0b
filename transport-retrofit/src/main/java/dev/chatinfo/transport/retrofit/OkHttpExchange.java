package dev.chatinfo.transport.retrofit;

import dev.chatinfo.client.spi.HttpExchange;
import dev.chatinfo.client.spi.HttpResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** One exchange as one Retrofit {@link Call}: executed on the calling thread or enqueued; cancel cancels the call. */
final class OkHttpExchange implements HttpExchange {

  private final Call<ResponseBody> call;
  private final BodyHandoff handoff;

  OkHttpExchange(Call<ResponseBody> call, BodyHandoff handoff, long timeoutNanos) {
    this.call = call;
    this.handoff = handoff;
    call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public HttpResponse execute() throws IOException {
    try {
      return response(call.execute());
    } catch (IOException e) {
      handoff.release();
      throw e;
    } catch (RuntimeException e) {
      handoff.release();
      throw new IOException(e.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync() {
    CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    result.whenComplete((r, t) -> {
      if (result.isCancelled()) {
        call.cancel();
      }
    });
    try {
      call.enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<ResponseBody> c, Response<ResponseBody> response) {
          HttpResponse r;
          try {
            r = response(response);
          } catch (IOException | RuntimeException e) {
            handoff.release();
            result.completeExceptionally(e);
            return;
          }
          if (!result.complete(r)) {
            r.close();
          }
        }

        @Override
        public void onFailure(Call<ResponseBody> c, Throwable t) {
          handoff.release();
          result.completeExceptionally(t instanceof IOException ? t
              : new IOException(t.getClass().getName() + ": " + t.getMessage(), t));
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(new IOException(e.getClass().getName() + ": " + e.getMessage(), e));
    }
    return result;
  }

  @Override
  public void cancel() {
    call.cancel();
    handoff.release();
  }

  private HttpResponse response(Response<ResponseBody> response) throws IOException {
    return new OkHttpResponse(response, handoff.take());
  }
}
