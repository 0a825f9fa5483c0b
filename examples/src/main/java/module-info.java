/**
 * The chatinfo examples: the {@code chatinfo} command-line program
 * ({@link dev.chatinfo.examples.ChatInfoCli}, on picocli: {@code fetch} and {@code watch} against
 * LivePerson, {@code serve} a fake server, and a {@code demo} against the testkit's embedded fake
 * server), and small classes to copy into an application.
 */
module dev.chatinfo.examples {
  requires dev.chatinfo.api;
  requires dev.chatinfo.client;
  requires dev.chatinfo.codec.json;
  requires dev.chatinfo.codec.xml;
  requires dev.chatinfo.testkit;
  requires dev.chatinfo.watch;
  requires info.picocli;
  requires com.squareup.moshi;
  requires okio;
  requires kotlin.stdlib;

  // The transports (dev.chatinfo.transport.jdk, dev.chatinfo.transport.retrofit) are not required:
  // providers on the module path are bound, and the program chooses one by name.
  uses dev.chatinfo.client.spi.HttpTransportProvider;

  // picocli reads and sets the commands' annotated fields reflectively.
  opens dev.chatinfo.examples to info.picocli;
}
