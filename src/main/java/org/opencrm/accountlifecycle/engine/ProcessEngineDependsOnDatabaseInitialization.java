package org.opencrm.accountlifecycle.engine;

import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway. The Camunda starter declares no such order, and an engine that created
 * its tables first would leave Flyway facing a non-empty schema it did not create.
 */
class ProcessEngineDependsOnDatabaseInitialization extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(SpringProcessEngineConfiguration.class);
    }
}
