/**
 * The chatinfo examples: the {@code chatinfo} command-line program
 * ({@link dev.chatinfo.examples.ChatInfoCli}, on picocli: {@code fetch} and {@code watch} against
 * LivePerson, {@code serve} a fake server, and a {@code demo} against the testkit's embedded fake
 * server), and small classes to copy into an application.
 *
 * <p>It requires no transport and no codec: the transports ({@code dev.chatinfo.transport.jdk},
 * {@code dev.chatinfo.transport.retrofit}) and codecs ({@code dev.chatinfo.codec.json},
 * {@code dev.chatinfo.codec.xml}) on the module path are bound as services, and the program
 * chooses among them by name and media type. So the same jar runs on a module path without Kotlin,
 * OkHttp, Okio, Retrofit or Moshi: the JDK transport and the XML codec alone.
 */
module dev.chatinfo.examples {
  requires dev.chatinfo.api;
  requires dev.chatinfo.client;
  requires dev.chatinfo.testkit;
  requires dev.chatinfo.watch;
  requires info.picocli;

  uses dev.chatinfo.client.spi.HttpTransportProvider;

  // picocli reads and sets the commands' annotated fields reflectively.
  opens dev.chatinfo.examples to info.picocli;
}
