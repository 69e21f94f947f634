/**
 * Tests where users run callpush: web.xml webapps deployed into real Tomcat distributions (9 with
 * {@code push-servlet-javax}, 10.1 and 11 with {@code push-servlet}) from Maven Central, started as processes
 * and checked over HTTP, in the log a user reads, and through Tomcat's own leak detection.
 *
 * <p>The harness is two classes. {@link io.github.callpush.deployment.TomcatServer} makes a
 * {@code CATALINA_BASE} from an unpacked distribution (free HTTP port, no shutdown port, a
 * {@code manager-script} and {@code manager-jmx} user, only the manager webapp), runs {@code bin/catalina.sh run}
 * with the tests' JDK, deploys and undeploys WARs through {@code /manager/text}, asks {@code findleaks}, lists
 * MBeans through {@code /manager/jmxproxy}, and reads {@code catalina.out}. {@link io.github.callpush.deployment.Webapp} assembles a WAR: a {@code web.xml} with
 * {@code PushServlet} or {@code PushFilter} and init-params, the callpush jar the reactor built with its
 * neighbours as Maven resolved them in {@code WEB-INF/lib}, and the configurer of
 * {@link io.github.callpush.deployment.webapp}, whose listener appends each handled event's id to a file the
 * test reads. {@link io.github.callpush.deployment.OnTomcat} gives each test class one Tomcat per distribution
 * of its {@code @ParameterizedClass} source.
 *
 * <p>The module's pom unpacks the distributions ({@code org.apache.tomcat:tomcat:VERSION:tar.gz}) into
 * {@code target/tomcat} and copies the webapps' jars into {@code target/webapp-lib} before
 * {@code integration-test}; the tests find both through failsafe's system properties, so they run only with
 * {@code mvn verify -Pintegration} (see docs/testing.md).
 */
package io.github.callpush.deployment;
