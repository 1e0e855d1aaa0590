package org.gongzhi.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Builds the four service images with deploy/images/build, the command an operator runs. */
final class Images {
    private Images() {
    }

    static void build(Path root, String engine, String jreImage) throws IOException, InterruptedException {
        Path log = root.resolve("deploy/container-test/target/image-build.log");
        java.nio.file.Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(root.resolve("deploy/images/build").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ENGINE", engine);
        builder.environment().put("JRE_IMAGE", jreImage);
        long started = System.nanoTime();
        Process build = builder.start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("deploy/images/build failed; see " + log + ":\n"
                    + java.nio.file.Files.readString(log));
        }
        org.slf4j.LoggerFactory.getLogger(Images.class).info("the service images built in {} s",
                (System.nanoTime() - started) / 1_000_000_000);
    }
}
