package org.opencrm.accountlifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AccountLifecycleApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountLifecycleApplication.class, args);
    }
}
