package org.gongzhi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Which JVM runs the services, and with which start-up cache.
 *
 * <p>{@link #current()}, the tests' choice: the JVM devstack itself runs on (Java 17 on a machine with nothing else),
 * with the options of {@link ServiceProcess#JVM_OPTIONS}. {@link #newest(Path)}, what {@code ./gongzhi up} and the
 * bench run: the newest JDK from 25 on found on the machine (the current one, {@code GONGZHI_SERVICE_JAVA_HOME}, or
 * one under {@code /usr/lib/jvm}), with compact object headers and an <b>AOT cache</b> per service (JEP 483/514):
 * the classes each service loads and links, and the profiles of its methods, recorded in a training run and mapped
 * at the next start. The services are packaged as Quarkus's {@code aot-jar} (every class on the application class
 * path), so the cache holds the application's classes too, not only the JDK's. A service's first start on a new build
 * records (instance 1 only; its cache is written when it stops gracefully); later starts use the cache. A cache is
 * named after the JDK and a fingerprint of the packaged files, so a rebuild or another JDK records afresh. Without a
 * JDK 25 it is the JVM devstack runs on (Java 17 on a machine with nothing else) with the same first-start recording
 * as a <b>dynamic CDS archive</b> (AppCDS, JEP 350: {@code -XX:ArchiveClassesAtExit}, then
 * {@code -XX:SharedArchiveFile}): the classes loaded and linked, not the method profiles, so less of a gain.
 */
public final class ServiceJvm {
    /** The first JDK whose AOT cache takes the application's own classes and is written by one training run. */
    static final int AOT_FEATURE = 25;
    /** The first JDK that writes a dynamic CDS archive of the application's classes at exit (JEP 350). */
    static final int CDS_FEATURE = 13;

    private final Path java;
    private final String version;
    private final int feature;
    private final Path cacheDir;

    private ServiceJvm(Path java, String version, int feature, Path cacheDir) {
        this.java = java;
        this.version = version;
        this.feature = feature;
        this.cacheDir = cacheDir;
    }

    /** The JVM devstack runs on, no cache. */
    public static ServiceJvm current() {
        return current(null);
    }

    /**
     * {@code GONGZHI_SERVICE_JAVA_HOME} if set; else the newest JDK from {@value #AOT_FEATURE} on (this one or one
     * under {@code /usr/lib/jvm}), caches kept in {@code cacheDir}; else the JVM devstack runs on, with its CDS
     * archives kept there. {@code GONGZHI_SERVICE_CACHES=off}: the same JVM with neither.
     */
    public static ServiceJvm newest(Path cacheDir) {
        return newest("off".equals(System.getenv("GONGZHI_SERVICE_CACHES")) ? null : cacheDir,
                System.getenv("GONGZHI_SERVICE_JAVA_HOME"));
    }

    /** {@link #newest(Path)}, with no caches when {@code cacheDir} is null (a run to compare against). */
    static ServiceJvm newest(Path cacheDir, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return of(Path.of(explicit), cacheDir).orElseThrow(() -> new IllegalStateException(
                    "GONGZHI_SERVICE_JAVA_HOME=" + explicit + " is not a JDK (no bin/java or release file)"));
        }
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> all = Files.list(jvms)) {
                all.sorted().forEach(homes::add);
            } catch (IOException e) {
                // none found there
            }
        }
        return homes.stream().map(home -> of(home, cacheDir)).flatMap(Optional::stream)
                .filter(jvm -> jvm.feature >= AOT_FEATURE)
                .max(Comparator.comparingInt((ServiceJvm jvm) -> jvm.feature))
                .orElseGet(() -> current(cacheDir));
    }

    /** The JVM devstack runs on, caching what it can in {@code cacheDir}. */
    /** The JVM devstack runs on; its caches kept in {@code cacheDir} (none when null, or before Java 17). */
    private static ServiceJvm current(Path cacheDir) {
        int feature = Runtime.version().feature();
        return new ServiceJvm(Path.of(DevStack.javaExecutable()), System.getProperty("java.version"), feature,
                feature >= CDS_FEATURE ? cacheDir : null);
    }

    /** The JDK at {@code home}, read from its {@code release} file. */
    static Optional<ServiceJvm> of(Path home, Path cacheDir) {
        Path java = home.resolve("bin/java");
        Path release = home.resolve("release");
        if (!Files.isExecutable(java) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = props.getProperty("JAVA_VERSION", "").replace("\"", "");
        if (version.isEmpty()) {
            return Optional.empty();
        }
        int feature;
        try {
            feature = Runtime.Version.parse(version).feature();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new ServiceJvm(java, version, feature, feature >= CDS_FEATURE ? cacheDir : null));
    }

    /** {@code Java 25.0.3 with AOT caches in …}, {@code Java 17.0.15}: for the start-up lines. */
    public String describe() {
        return "Java " + version + (cacheDir == null ? "" : (aot() ? " with AOT caches in " : " with CDS archives in ")
                + cacheDir);
    }

    /** An AOT cache (JDK 25 on) rather than a CDS archive. */
    private boolean aot() {
        return feature >= AOT_FEATURE;
    }

    Path java() {
        return java;
    }

    /** Whether services on this JVM take an AOT cache. */
    boolean cached() {
        return cacheDir != null;
    }

    /**
     * How to start instance {@code instance} of a service packaged in {@code app}: the JVM options, with the cache to
     * use or, for instance 1 when there is none yet, the one to record (see {@link Start#recording()}).
     */
    Start start(String module, int instance, Path app) {
        List<String> options = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        if (cacheDir == null) {
            return new Start(java, options, module, null, null);
        }
        if (aot()) {
            // the cache records the object layout: its training run and every run using it must agree
            options.add("-XX:+UseCompactObjectHeaders");
        }
        Path cache = cacheDir.resolve(module + "-" + version + "-" + fingerprint(app) + (aot() ? ".aot" : ".jsa"));
        if (Files.isRegularFile(cache)) {
            options.add((aot() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache);
            return new Start(java, options, module, null, null);
        }
        if (instance != 1) {
            return new Start(java, options, module, null, null);
        }
        Path recording = cache.resolveSibling(cache.getFileName() + ".recording");
        try {
            Files.createDirectories(cacheDir);
            Files.deleteIfExists(recording);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (aot()) {
            // writing the cache at exit lays out every loaded class at once: more than the running service's metaspace
            options.removeIf(o -> o.startsWith("-XX:MaxMetaspaceSize="));
            options.add("-XX:AOTCacheOutput=" + recording);
            // not the hundreds of classes it leaves out (proxies, classes that failed verification) in the service's log
            options.add("-Xlog:aot=error");
        } else {
            options.add("-XX:ArchiveClassesAtExit=" + recording);
            // the same for the classes a CDS archive cannot hold (generated at run time, or not verified)
            options.add("-Xlog:cds=error,cds+dynamic=error");
        }
        return new Start(java, options, module, recording, cache);
    }

    /** Hash of every packaged file's path, size and time: a rebuilt service gets a new cache. */
    static String fingerprint(Path app) {
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((app.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One start: {@code recording} is where a training run writes its cache when the service stops gracefully
     * ({@code null} when it uses a cache or none); {@link #keep()} then makes it the service's cache.
     */
    record Start(Path java, List<String> options, String module, Path recording, Path cache) {
        boolean recordingCache() {
            return recording != null;
        }

        /** After a graceful stop: the recorded cache replaces the service's older ones on the same JDK. */
        void keep() {
            if (recording == null || !Files.isRegularFile(recording)) {
                return;
            }
            try {
                // an older build's, on this JDK: another JDK's cache stays for when that JDK runs the service again
                String name = cache.getFileName().toString();
                String sameJdk = name.substring(0, name.lastIndexOf('-') + 1);
                String kind = name.substring(name.lastIndexOf('.'));
                try (Stream<Path> old = Files.list(cache.getParent())) {
                    for (Path stale : old.filter(p -> p.getFileName().toString().startsWith(sameJdk)
                            && p.getFileName().toString().endsWith(kind)).toList()) {
                        Files.deleteIfExists(stale);
                    }
                }
                Files.move(recording, cache);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** After a crash or a kill: what was recorded, if anything, is not trusted. */
        void discard() {
            if (recording != null) {
                try {
                    Files.deleteIfExists(recording);
                } catch (IOException e) {
                    // left for the next start to overwrite
                }
            }
        }
    }
}
