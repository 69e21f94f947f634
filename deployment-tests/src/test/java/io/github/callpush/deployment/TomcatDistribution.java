package io.github.callpush.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A Tomcat distribution the build unpacked into {@code target/tomcat}, and the servlet API its webapps use. */
enum TomcatDistribution {

  /** Tomcat 9: Servlet 4.0, {@code javax.servlet}. */
  TOMCAT_9("callpush.tomcat-9.home", ServletApi.JAVAX),
  /** Tomcat 10.1: Servlet 6.0, {@code jakarta.servlet}. */
  TOMCAT_10("callpush.tomcat-10.home", ServletApi.JAKARTA),
  /** Tomcat 11: Servlet 6.1, {@code jakarta.servlet}. */
  TOMCAT_11("callpush.tomcat-11.home", ServletApi.JAKARTA);

  private final String homeProperty;
  private final ServletApi servletApi;

  TomcatDistribution(String homeProperty, ServletApi servletApi) {
    this.homeProperty = homeProperty;
    this.servletApi = servletApi;
  }

  /** The unpacked distribution ({@code CATALINA_HOME}), as the failsafe configuration names it. */
  Path home() {
    String home = System.getProperty(homeProperty);
    if (home == null || !Files.isRegularFile(Path.of(home, "bin", "catalina.sh"))) {
      throw new IllegalStateException("system property " + homeProperty + " must name an unpacked Tomcat but was "
          + home + "; run the tests with mvn verify -Pintegration");
    }
    return Path.of(home);
  }

  /** The servlet API of the webapps it runs. */
  ServletApi servletApi() {
    return servletApi;
  }

  /** The two servlet APIs: which callpush jar a webapp carries and which web.xml schema it declares. */
  enum ServletApi {
    /** Servlet 5+ ({@code jakarta.servlet}): {@code push-servlet}. */
    JAKARTA("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\""),
    /** Servlet 4 ({@code javax.servlet}): {@code push-servlet-javax}. */
    JAVAX("<web-app xmlns=\"http://xmlns.jcp.org/xml/ns/javaee\" version=\"4.0\"");

    private final String webAppElement;

    ServletApi(String webAppElement) {
      this.webAppElement = webAppElement;
    }

    /** The directory under {@code target/webapp-lib} holding this API's callpush jar: the name in lower case. */
    String libDirectory() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The start of web.xml's root element, up to its other attributes. */
    String webAppElement() {
      return webAppElement;
    }
  }
}
