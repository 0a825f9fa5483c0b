package dev.chatinfo.transport.retrofit;

/** Threads OkHttp and Okio share across every client of the process; they end by themselves when idle. */
final class SharedThreads {

  private SharedThreads() {}

  static boolean isOkHttpInfrastructure(Thread thread) {
    return thread.getName().startsWith("OkHttp TaskRunner") || thread.getName().equals("Okio Watchdog")
        || thread.getName().startsWith("OkHttp ConnectionPool");
  }
}
