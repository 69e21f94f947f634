package io.github.callpush;

/** Small valid push bodies for receiver tests. */
final class Pushes {

  private Pushes() {}

  /** An outbound ring with the given event id. */
  static String ring(String eventId) {
    return """
        {"eventUniqueId":"%s","accountId":"20000153","callUniqueId":"403344537650466816",\
        "pushType":"dialoutRing","customerNumber":"17319132391","trunkNumber":"","displayNumber":"01081400192",\
        "statusTime":"1620455977","callEvent":"ring","callType":"dialout","agentNumber":"20001",\
        "agentName":"sc的坐席","extras":""}""".formatted(eventId);
  }

  /** An agent login with the given event id. */
  static String login(String eventId) {
    return """
        {"eventUniqueId":"%s","accountId":"2000103","pushType":"login","loginType":"PSTN",\
        "statusTime":"2021-07-22 18:06:48","agentNumber":"9998","agentName":"XXX"}""".formatted(eventId);
  }
}
