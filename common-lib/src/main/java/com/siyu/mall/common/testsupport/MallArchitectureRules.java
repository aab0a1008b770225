package com.siyu.mall.common.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.siyu.mall.common.outbox.Outbox;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project's architecture decisions (ARCHITECTURE §3–4, STYLE "Where things go") as ArchUnit rules that hold for
 * every service. A service's ArchitectureTest includes them with {@code ArchTests.in(MallArchitectureRules.class)}
 * and adds its own.
 */
public final class MallArchitectureRules {

    private MallArchitectureRules() {
    }

    @ArchTest
    public static final ArchRule controllersDelegateStorageAndEventsToServices = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat(assignableTo(BaseMapper.class)
                    .or(assignableTo(JdbcOperations.class))
                    .or(assignableTo(NamedParameterJdbcOperations.class))
                    .or(assignableTo(Outbox.class)))
            .as("web code never touches a mapper, a JdbcTemplate or the outbox");

    @ArchTest
    public static final ArchRule dependsOnNoOtherServiceCode = noClasses()
            .should(dependOnAnotherService())
            .as("a service depends on no other service's code, only on common-lib (common, contracts)");

    @ArchTest
    public static final ArchRule mainCodeNeverUsesTestSupport = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.siyu.mall.common.testsupport..")
            .because("its dependencies are optional in common-lib and absent from the service's runtime classpath");

    @ArchTest
    public static final ArchRule sendsToKafkaOnlyThroughTheOutbox = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.apache.kafka.clients.producer..")
                    .or(assignableTo(KafkaOperations.class))
                    .or(assignableTo(ProducerFactory.class)))
            .as("events leave only through common-lib's Outbox (ARCHITECTURE §4), never by sending to Kafka directly");

    @ArchTest
    public static final ArchRule constructorInjectionOnly = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    public static final ArchRule logsInsteadOfPrinting = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    public static final ArchRule mappersStayInTheirFeaturePackage = noClasses()
            .should(useAMapperOfAnotherPackage())
            .as("a MyBatis-Plus mapper is used only inside its own feature package");

    @ArchTest
    public static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("com.siyu.mall.*.(*)..").should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule kafkaHandlersAreNamedAfterTheirSource = methods()
            .that().areAnnotatedWith(KafkaListener.class)
            .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("EventHandler");

    @ArchTest
    public static final ArchRule moneyIsIntegerFen = fields()
            .that().haveNameEndingWith("Fen")
            .should().haveRawType(long.class).orShould().haveRawType(Long.class)
            .as("money fields (*Fen) are integer fen, never floating point (ARCHITECTURE §3)");

    private static ArchCondition<JavaClass> dependOnAnotherService() {
        return new ArchCondition<>("depend on another service's code") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = service(origin.getPackageName());
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith("com.siyu.mall."))
                        .filter(d -> {
                            String target = service(d.getTargetClass().getPackageName());
                            return !target.equals(own) && !target.equals("common") && !target.equals("contracts");
                        })
                        .forEach(d -> events.add(SimpleConditionEvent.violated(d, d.getDescription())));
            }
        };
    }

    /** com.siyu.mall.catalog.product → catalog. */
    private static String service(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 3 ? parts[3] : "";
    }

    private static ArchCondition<JavaClass> useAMapperOfAnotherPackage() {
        return new ArchCondition<>("use a mapper of another package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                origin.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getPackageName().startsWith("com.siyu.mall."))
                        .filter(d -> d.getTargetClass().isAssignableTo(BaseMapper.class))
                        .filter(d -> !d.getTargetClass().getPackageName().equals(origin.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }
}
