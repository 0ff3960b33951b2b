package org.civis.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module's public surface, as a caller on the module path sees it: the API packages only, and
 * no signature in them that names a CBOR library type or an internal one (an internal exception
 * among them would be a refusal escaping as an exception).
 */
class PublicApiTest {
    static final Set<String> API = Set.of(
            "org.civis.verifier",
            "org.civis.verifier.verdict",
            "org.civis.verifier.claims",
            "org.civis.verifier.trust",
            "org.civis.verifier.status",
            "org.civis.verifier.files",
            "org.civis.verifier.image",
            "org.civis.verifier.cli",
            "org.civis.verifier.spec");

    @Test
    void theModuleExportsTheApiPackagesAndNothingElse() {
        Module module = Verifier.class.getModule();

        assertThat(module.isNamed()).as("tests run on the module path").isTrue();
        assertThat(module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source))
                .containsExactlyInAnyOrderElementsOf(API);
    }

    @Test
    void noPublicSignatureNamesACborOrAnInternalType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : exportedTypes()) {
            List<String> signatures = new ArrayList<>();
            signatures.add(String.valueOf(type.getGenericSuperclass()));
            for (var i : type.getGenericInterfaces()) {
                signatures.add(i.getTypeName());
            }
            for (Method method : type.getMethods()) {
                signatures.add(
                        signature(method) + " " + method.getGenericReturnType().getTypeName());
            }
            for (var constructor : type.getConstructors()) {
                signatures.add(signature(constructor));
            }
            for (Field field : type.getFields()) {
                signatures.add(field.getGenericType().getTypeName());
            }
            signatures.stream()
                    .filter(s -> s.contains("com.upokecenter") || s.contains("org.civis.verifier.internal"))
                    .forEach(s -> leaks.add(type.getName() + ": " + s));
        }

        assertThat(leaks).isEmpty();
    }

    private static String signature(Executable executable) {
        List<String> parts = new ArrayList<>();
        for (var parameter : executable.getGenericParameterTypes()) {
            parts.add(parameter.getTypeName());
        }
        for (var exception : executable.getGenericExceptionTypes()) {
            parts.add("throws " + exception.getTypeName());
        }
        return executable.getName() + parts;
    }

    /** Public classes of the exported packages, nested ones included, read from the module's own files. */
    private static List<Class<?>> exportedTypes() throws Exception {
        String name = Verifier.class.getModule().getName();
        List<String> classFiles;
        try (ModuleReader reader = ModuleLayer.boot()
                .configuration()
                .findModule(name)
                .orElseThrow()
                .reference()
                .open()) {
            classFiles = reader.list()
                    .filter(f -> f.endsWith(".class") && !f.equals("module-info.class"))
                    .collect(Collectors.toList());
        }
        List<Class<?>> types = new ArrayList<>();
        for (String file : classFiles) {
            String className =
                    file.substring(0, file.length() - ".class".length()).replace('/', '.');
            Class<?> type = Class.forName(className, false, Verifier.class.getClassLoader());
            // The tests are patched into the module; only what the main classes hold is API.
            boolean main = type.getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .equals(Verifier.class.getProtectionDomain().getCodeSource().getLocation());
            if (main && API.contains(type.getPackageName()) && Modifier.isPublic(type.getModifiers())) {
                types.add(type);
            }
        }
        assertThat(types).hasSizeGreaterThan(30);
        return types;
    }
}
