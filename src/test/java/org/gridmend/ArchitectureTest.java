package org.gridmend;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.Filter;
import org.apache.ibatis.annotations.Mapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Keeps the layers and suffixes of STYLE.md honest. */
@AnalyzeClasses(packages = "org.gridmend", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersNeverTouchTheEngine = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.camunda.bpm.engine..")
            .because("controllers call services; services talk to the engine");

    @ArchTest
    static final ArchRule controllersNeverTouchMappers = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Mapper.class)
            .because("controllers call services, which own the transactions");

    @ArchTest
    static final ArchRule mappersStayInTheirPackage = classes()
            .that()
            .areAnnotatedWith(Mapper.class)
            .should(new ArchCondition<JavaClass>("be used only by classes of their own package") {
                @Override
                public void check(JavaClass mapper, ConditionEvents events) {
                    for (Dependency use : mapper.getDirectDependenciesToSelf()) {
                        JavaClass user = use.getOriginClass();
                        if (!user.getPackageName().equals(mapper.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                        }
                    }
                }
            })
            .because("a table has one writing package: others ask that package's services, never its mapper");

    @ArchTest
    static final ArchRule controllersAreNamedSo =
            classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Controller");

    @ArchTest
    static final ArchRule mappersAreNamedSo = classes()
            .that()
            .areAnnotatedWith(Mapper.class)
            .should()
            .haveSimpleNameEndingWith("Mapper")
            .andShould()
            .beInterfaces();

    @ArchTest
    static final ArchRule servicesAreNamedSo =
            classes().that().areAnnotatedWith(Service.class).should().haveSimpleNameEndingWith("Service");

    @ArchTest
    static final ArchRule delegatesAreNamedSo = classes()
            .that()
            .implement(JavaDelegate.class)
            .should()
            .haveSimpleNameEndingWith("Delegate")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule delegatesGoThroughServices = noClasses()
            .that()
            .implement(JavaDelegate.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Mapper.class)
            .allowEmptyShould(true)
            .because("a delegate maps variables, calls one service and maps the result back");

    @ArchTest
    static final ArchRule nothingDependsOnTheDemo = noClasses()
            .that()
            .resideOutsideOfPackage("org.gridmend.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.gridmend.demo..")
            .because("the demo profile can be left out without breaking anything");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.gridmend.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature talks to the one below it, or through a port it owns (IncidentDirectory, "
                    + "RepairProgress, KnownFaults), never in a loop");

    @ArchTest
    static final ArchRule coreDependsOnNoFeature = noClasses()
            .that()
            .resideInAPackage("org.gridmend.core..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.gridmend..").and(resideOutsideOfPackage("org.gridmend.core..")))
            .because("core holds what every feature shares; it cannot know any of them");

    @ArchTest
    static final ArchRule onlyTheWebEdgeSpeaksHttp = noClasses()
            .that()
            .areNotAnnotatedWith(RestController.class)
            .and()
            .areNotAnnotatedWith(Controller.class)
            .and()
            .areNotAnnotatedWith(RestControllerAdvice.class)
            .and()
            .areNotAnnotatedWith(Configuration.class)
            .and()
            .areNotAssignableTo(Filter.class)
            .and()
            .resideOutsideOfPackage("org.gridmend.web..")
            .and()
            .resideOutsideOfPackage("org.gridmend.demo.storm..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.springframework.http..")
            .because("services refuse with core.Refusal's kinds; the web layer (controllers, the error handler, "
                    + "the servlet filters and the security configuration) turns them into statuses");

    @ArchTest
    static final ArchRule controllersNeverAnswerWithMapperTypes = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .should(new ArchCondition<JavaMethod>("not return a type nested in a mapper") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                        if (type.getEnclosingClass()
                                .map(c -> c.getSimpleName().endsWith("Mapper"))
                                .orElse(false)) {
                            events.add(SimpleConditionEvent.violated(
                                    method,
                                    method.getFullName() + " returns " + type.getName()
                                            + ": a row shape of the database, not the API's"));
                        }
                    }
                }
            })
            .because("the API's shapes are records of their own, so a column change never changes the contract");
}
