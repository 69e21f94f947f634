package io.github.callpush.spring.autoconfigure;

import io.github.callpush.ListenerRegistry;
import io.github.callpush.PushListener;
import io.github.callpush.PushReceiver;
import io.github.callpush.ReceivedPushListener;
import io.github.callpush.event.PushEvent;
import io.github.callpush.spring.PushEventListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.TypeVariable;
import java.util.Map;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers every {@link PushListener} and {@link ReceivedPushListener} bean (id: its bean name) and every
 * {@link PushEventListener} method (id: {@code beanName#methodName}) with the receiver, once all singletons exist
 * and before the web server takes requests; then, if asked, a listener that re-publishes events to the context.
 */
final class ListenerBeans implements SmartInitializingSingleton {

  /** The id of the listener that re-publishes events as application events. */
  static final String APPLICATION_EVENTS_ID = "callpush-application-events";

  private final ConfigurableListableBeanFactory beanFactory;
  private final ObjectProvider<PushReceiver> receiver;
  private final ApplicationEventPublisher publisher;

  /** {@code publisher} null: events are not re-published. */
  ListenerBeans(ConfigurableListableBeanFactory beanFactory, ObjectProvider<PushReceiver> receiver,
      ApplicationEventPublisher publisher) {
    this.beanFactory = beanFactory;
    this.receiver = receiver;
    this.publisher = publisher;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ListenerRegistry registry = receiver.getObject().listeners();
    for (String beanName : beanFactory.getBeanNamesForType(Object.class)) {
      Class<?> type = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
      if (type == null) {
        continue;
      }
      if (PushListener.class.isAssignableFrom(type)) {
        register(registry, beanName, eventType(beanName, type), beanFactory.getBean(beanName, PushListener.class));
      }
      if (ReceivedPushListener.class.isAssignableFrom(type)) {
        registry.onReceived(beanName, beanFactory.getBean(beanName, ReceivedPushListener.class));
      }
      Map<Method, PushEventListener> methods = MethodIntrospector.selectMethods(type,
          (MethodIntrospector.MetadataLookup<PushEventListener>) method ->
              AnnotatedElementUtils.findMergedAnnotation(method, PushEventListener.class));
      methods.forEach((method, annotation) -> registerMethod(registry, beanName, method, annotation));
    }
    if (publisher != null) {
      registry.onAny(APPLICATION_EVENTS_ID, publisher::publishEvent);
    }
  }

  private Class<?> eventType(String beanName, Class<?> type) {
    Class<?> eventType = eventType(ResolvableType.forClass(type));
    if (eventType == null && beanFactory.containsBeanDefinition(beanName)) {
      eventType = eventType(beanFactory.getMergedBeanDefinition(beanName).getResolvableType());
    }
    if (eventType == null) {
      throw new IllegalStateException("cannot tell which events the PushListener bean '" + beanName
          + "' handles: declare its type, or its @Bean method's return type, as PushListener<SomeEvent>");
    }
    return eventType;
  }

  /** The event type of a {@code PushListener} type, or null where it is a type variable (as in lambdas). */
  private static Class<?> eventType(ResolvableType listenerType) {
    ResolvableType argument = listenerType.as(PushListener.class).getGeneric();
    Class<?> resolved = argument.getType() instanceof TypeVariable<?> ? null : argument.resolve();
    return resolved != null && PushEvent.class.isAssignableFrom(resolved) ? resolved : null;
  }

  private void registerMethod(ListenerRegistry registry, String beanName, Method method,
      PushEventListener annotation) {
    String where = "@PushEventListener method " + method.getDeclaringClass().getName() + "." + method.getName();
    if (method.getParameterCount() != 1) {
      throw new IllegalStateException(where + " must take exactly one parameter, the event");
    }
    Class<?> parameter = method.getParameterTypes()[0];
    Class<?> eventType = annotation.value() == PushEvent.class ? parameter : annotation.value();
    if (!PushEvent.class.isAssignableFrom(parameter) || !parameter.isAssignableFrom(eventType)) {
      throw new IllegalStateException(where + " takes " + parameter.getName() + ", which cannot hold the "
          + eventType.getName() + " it listens to");
    }
    Object bean = beanFactory.getBean(beanName);
    Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
    ReflectionUtils.makeAccessible(invocable);
    String id = annotation.id().isEmpty() ? beanName + "#" + method.getName() : annotation.id();
    register(registry, id, eventType, event -> invoke(invocable, bean, event));
  }

  private static void invoke(Method method, Object bean, PushEvent event) throws Exception {
    try {
      method.invoke(bean, event);
    } catch (InvocationTargetException thrown) {
      Throwable cause = thrown.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw (Error) cause;
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends PushEvent> void register(ListenerRegistry registry, String id, Class<?> eventType,
      PushListener<?> listener) {
    registry.on(id, (Class<E>) eventType, (PushListener<? super E>) listener);
  }
}
