package org.opencrm.accountlifecycle.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    MailDelivery mailDelivery(MailProperties properties, ObjectProvider<JavaMailSender> smtp) {
        return switch (properties.delivery()) {
            case FILES -> new FileMailDelivery(properties.folder());
            case SMTP ->
                new SmtpMailDelivery(smtp.getIfAvailable(() -> {
                    throw new IllegalStateException(
                            "account-lifecycle.mail.delivery=smtp needs spring.mail.host (and port) to be set");
                }));
        };
    }
}
