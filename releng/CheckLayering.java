import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layering rule (README.md, "The layering rule"): a bundle below the UI line (any bundle whose symbolic name
 * does not start with {@code org.nocturne.ui}, its tests included) must not import SWT, JFace, {@code org.eclipse.e4.ui.*}
 * or {@code org.eclipse.ui.*}, neither by Import-Package nor by Require-Bundle (nor as a fragment of such a bundle).
 *
 * <p>Usage: {@code java releng/CheckLayering.java <bundles-folder>} exits 1 and names every offending bundle and
 * header; {@code java releng/CheckLayering.java --self-test} proves on a throw-away folder that the check fails for a
 * core bundle that imports SWT and passes for clean bundles. Run by the Maven build (validate phase).
 */
public final class CheckLayering {

    /** A package or bundle name that belongs to the UI toolkits. */
    static final Pattern UI_NAME = Pattern.compile("org\\.eclipse\\.(swt|jface|e4\\.ui|ui)(\\..*)?");

    private static final List<String> HEADERS = List.of("Import-Package", "Require-Bundle", "Fragment-Host",
            "DynamicImport-Package");

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--self-test")) {
            selfTest();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java CheckLayering.java <bundles-folder> | --self-test");
            System.exit(2);
        }
        List<String> violations = check(Path.of(args[0]));
        if (!violations.isEmpty()) {
            System.err.println("Layering violated: bundles below the UI line import UI toolkits (see 'The layering rule' in README.md):");
            violations.forEach(v -> System.err.println("  " + v));
            System.exit(1);
        }
        System.out.println("Layering check: no non-UI bundle under " + args[0] + " imports SWT, JFace or the e4/3.x UI.");
    }

    /** Returns one line per offending header entry, naming the bundle, the header and the UI name it uses. */
    static List<String> check(Path bundlesFolder) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(bundlesFolder)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path manifestFile = bundle.resolve("META-INF/MANIFEST.MF");
                if (!Files.isRegularFile(manifestFile)) {
                    continue;
                }
                Manifest manifest;
                try (InputStream in = Files.newInputStream(manifestFile)) {
                    manifest = new Manifest(in);
                }
                String symbolicName = clauses(manifest.getMainAttributes().getValue("Bundle-SymbolicName")).stream()
                        .findFirst().orElse(bundle.getFileName().toString());
                if (isUiBundle(symbolicName)) {
                    continue;
                }
                for (String header : HEADERS) {
                    for (String name : clauses(manifest.getMainAttributes().getValue(header))) {
                        if (UI_NAME.matcher(name).matches()) {
                            violations.add(symbolicName + " (" + manifestFile + "): " + header + " " + name);
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** UI bundles and their tests may use the toolkits; every other bundle, tests of headless bundles included, may not. */
    static boolean isUiBundle(String symbolicName) {
        return symbolicName.equals("org.nocturne.ui") || symbolicName.startsWith("org.nocturne.ui.");
    }

    /** The names of a manifest header's clauses, without attributes and directives ("a;version=1, b" gives a, b). */
    static List<String> clauses(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";", 2)[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    private static void selfTest() throws IOException {
        Path root = Files.createTempDirectory("layering-self-test");
        try {
            bundle(root, "org.nocturne.core", "Import-Package: org.jastronomy.jsofa,\n org.osgi.framework;version=\"[1.10,2)\"\n");
            bundle(root, "org.nocturne.ui", "Require-Bundle: org.eclipse.swt,\n org.eclipse.e4.ui.workbench\n");
            bundle(root, "org.nocturne.uitools", "Import-Package: org.eclipse.uix.notreally\n");
            expect(check(root).isEmpty(), "clean bundles must pass, got " + check(root));

            bundle(root, "org.nocturne.image", "Import-Package: org.eclipse.swt.graphics;version=\"3.0.0\"\n");
            bundle(root, "org.nocturne.device.core", "Require-Bundle: org.eclipse.core.runtime,\n org.eclipse.jface;bundle-version=\"3.39.0\"\n");
            bundle(root, "org.nocturne.image.tests", "Fragment-Host: org.nocturne.image\nImport-Package: org.eclipse.e4.ui.model.application\n");
            List<String> violations = check(root);
            expect(violations.size() == 3, "expected 3 violations, got " + violations);
            expect(violations.stream().anyMatch(v -> v.startsWith("org.nocturne.image ") && v.endsWith("org.eclipse.swt.graphics")),
                    "the core bundle importing SWT must be named, got " + violations);
            System.out.println("Layering check self-test: a core bundle importing SWT fails the check, clean bundles pass.");
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void bundle(Path root, String symbolicName, String headers) throws IOException {
        Path metaInf = Files.createDirectories(root.resolve(symbolicName).resolve("META-INF"));
        Files.writeString(metaInf.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-ManifestVersion: 2\n"
                + "Bundle-SymbolicName: " + symbolicName + ";singleton:=true\n" + headers);
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            System.err.println("Layering check self-test FAILED: " + message);
            System.exit(1);
        }
    }
}
