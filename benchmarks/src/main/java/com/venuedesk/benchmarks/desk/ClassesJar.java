package com.venuedesk.benchmarks.desk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Packs a build's class directory into a jar, named after its module ({@code <module>/target/classes}). */
final class ClassesJar {
    private ClassesJar() {
    }

    static Path pack(Path classes, Path dir) throws IOException {
        Path module = classes.getParent() != null && classes.getParent().getParent() != null
                ? classes.getParent().getParent().getFileName() : classes.getFileName();
        Files.createDirectories(dir);
        Path jar = dir.resolve(module + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(path -> !path.equals(classes)).sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path path : files) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                // directories too, as the jar tool writes them: Flyway finds its migrations by listing a directory
                boolean directory = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
