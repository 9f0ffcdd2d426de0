import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Checks each built product for the failure that only shows at run time on another platform: a bundle calling SWT
 * API that the product's SWT fragment does not have (Maven Central's SWT for linux/aarch64 lags behind the others, see
 * features/org.nocturne.feature/feature.xml). For every {@code plugins} folder under the products folder, every class,
 * method and field reference from a non-SWT bundle into {@code org.eclipse.swt} must exist in that folder's SWT
 * fragment (inherited members included). Exits 1 naming what is missing.
 *
 * <p>Usage: {@code java releng/CheckSwtApi.java <products-folder> [--self-test]}. The self-test hides
 * {@code org.eclipse.swt.widgets.Shell} from the fragment and expects the check to fail. Needs JDK 24+ (class-file API);
 * on an older JDK it says so and skips. Run by the product module's build after the products are materialised.
 */
public final class CheckSwtApi {

    public static void main(String[] args) throws IOException {
        if (Runtime.version().feature() < 24) {
            System.out.println("SWT API check skipped: it needs JDK 24 or newer (the class-file API), this is " + Runtime.version());
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: java CheckSwtApi.java <products-folder> [--self-test]");
            System.exit(2);
        }
        boolean selfTest = args.length > 1 && args[1].equals("--self-test");
        List<Path> pluginFolders;
        try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
            pluginFolders = walk.filter(p -> p.getFileName().toString().equals("plugins") && Files.isDirectory(p)).sorted().toList();
        }
        if (pluginFolders.isEmpty()) {
            System.err.println("SWT API check: no product under " + args[0]);
            System.exit(1);
        }
        int failures = 0;
        for (Path plugins : pluginFolders) {
            Set<String> missing = check(plugins, selfTest);
            if (selfTest) {
                if (missing.isEmpty()) {
                    System.err.println("SWT API check self-test FAILED: hiding Shell went unnoticed in " + plugins);
                    System.exit(1);
                }
                System.out.println("SWT API check self-test: hiding Shell from " + plugins + " gives " + missing.size() + " findings.");
                return;
            }
            if (missing.isEmpty()) {
                System.out.println("SWT API check: every SWT reference resolves in " + plugins);
            } else {
                failures++;
                System.err.println("SWT API check: " + plugins + " calls SWT API its fragment lacks:");
                missing.forEach(m -> System.err.println("  " + m));
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static Set<String> check(Path plugins, boolean hideShell) throws IOException {
        Map<String, ClassModel> swt = new HashMap<>();
        Path fragment;
        try (Stream<Path> list = Files.list(plugins)) {
            fragment = list.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.swt\\.(gtk|cocoa|win32)\\..*\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no SWT fragment in " + plugins));
        }
        try (JarFile jar = new JarFile(fragment.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("org/eclipse/swt/") && entry.getName().endsWith(".class")) {
                    ClassModel model = ClassFile.of().parse(jar.getInputStream(entry).readAllBytes());
                    swt.put(model.thisClass().asInternalName(), model);
                }
            }
        }
        if (hideShell) {
            swt.remove("org/eclipse/swt/widgets/Shell");
        }
        Set<String> missing = new TreeSet<>();
        List<Path> bundles;
        try (Stream<Path> list = Files.list(plugins)) {
            bundles = list.filter(p -> p.getFileName().toString().endsWith(".jar") && !p.getFileName().toString().startsWith("org.eclipse.swt"))
                    .toList();
        }
        for (Path bundle : bundles) {
            String name = bundle.getFileName().toString().replaceAll("_[0-9].*", "");
            try (JarFile jar = new JarFile(bundle.toFile())) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                        continue;
                    }
                    ClassModel model = ClassFile.of().parse(jar.getInputStream(entry).readAllBytes());
                    for (PoolEntry pool : model.constantPool()) {
                        if (pool instanceof MemberRefEntry ref && ref.owner().asInternalName().startsWith("org/eclipse/swt/")
                                && !defines(swt, ref.owner().asInternalName(), ref.name().stringValue(), ref.type().stringValue(),
                                        ref instanceof FieldRefEntry)) {
                            missing.add(name + " -> " + ref.owner().asInternalName() + "." + ref.name().stringValue() + ref.type().stringValue());
                        } else if (pool instanceof ClassEntry type && type.asInternalName().startsWith("org/eclipse/swt/")
                                && !swt.containsKey(type.asInternalName())) {
                            missing.add(name + " -> class " + type.asInternalName());
                        }
                    }
                }
            }
        }
        return missing;
    }

    /** True when the class, one of its SWT superclasses or interfaces declares the member; JDK supertypes are trusted. */
    private static boolean defines(Map<String, ClassModel> swt, String owner, String name, String type, boolean field) {
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (!seen.add(current)) {
                continue;
            }
            ClassModel model = swt.get(current);
            if (model == null) {
                if (!current.startsWith("org/eclipse/swt/")) {
                    return true;
                }
                continue;
            }
            if (field) {
                for (FieldModel f : model.fields()) {
                    if (f.fieldName().equalsString(name) && f.fieldType().equalsString(type)) {
                        return true;
                    }
                }
            } else {
                for (MethodModel m : model.methods()) {
                    if (m.methodName().equalsString(name) && m.methodType().equalsString(type)) {
                        return true;
                    }
                }
            }
            model.superclass().ifPresent(s -> todo.push(s.asInternalName()));
            for (ClassEntry i : model.interfaces()) {
                todo.push(i.asInternalName());
            }
        }
        return false;
    }
}
