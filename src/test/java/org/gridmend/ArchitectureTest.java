package org.gridmend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.ibatis.annotations.Mapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the layers and suffixes of STYLE.md honest. */
@AnalyzeClasses(packages = "org.gridmend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersNeverTouchTheEngine = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
            .because("controllers call services; services talk to the engine");

    @ArchTest
    static final ArchRule controllersNeverTouchMappers = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
            .because("controllers call services, which own the transactions");

    @ArchTest
    static final ArchRule controllersAreNamedSo = classes()
            .that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule mappersAreNamedSo = classes()
            .that().areAnnotatedWith(Mapper.class).should().haveSimpleNameEndingWith("Mapper")
            .andShould().beInterfaces();

    @ArchTest
    static final ArchRule servicesAreNamedSo = classes()
            .that().areAnnotatedWith(Service.class).should().haveSimpleNameEndingWith("Service");

    @ArchTest
    static final ArchRule delegatesAreNamedSo = classes()
            .that().implement(JavaDelegate.class).should().haveSimpleNameEndingWith("Delegate")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule delegatesGoThroughServices = noClasses()
            .that().implement(JavaDelegate.class)
            .should().dependOnClassesThat().areAnnotatedWith(Mapper.class)
            .allowEmptyShould(true)
            .because("a delegate maps variables, calls one service and maps the result back");

    @ArchTest
    static final ArchRule nothingDependsOnTheDemo = noClasses()
            .that().resideOutsideOfPackage("org.gridmend.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.gridmend.demo..")
            .because("the demo profile can be left out without breaking anything");
}
