package org.gongzhi.platform.house;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules of docs/conventions.md that a reader of the sources can check without running anything: no list pages
 * by hand, no {@code uni = uni.chain(…)} folded in a loop, no Panache {@code count()} behind a page, no service
 * importing another service's package (nor a part of one, such as the hall, that another service deploys; nor such a
 * part importing any service), no two packages of a module's main sources depending on each other (a
 * package cycle). Cheap on purpose (text, not bytecode): it runs in platform's unit tests.
 */
final class HouseRules {
    /** Each service module and its root package. */
    static final Map<String, String> SERVICES = Map.of("request-service", "request", "alliance-service", "alliance",
            "volunteer-service", "volunteer", "notification-service", "notification");
    /**
     * Each module deployed inside a service, with its root package, and the service that deploys it: only that
     * service imports it, and it imports no service (it reaches its host through interfaces of its own).
     */
    static final Map<String, String> SERVICE_PARTS = Map.of("hall", "hall");
    static final Map<String, String> HOSTS = Map.of("hall", "request-service");

    private static final Pattern PAGE_PARAM = Pattern.compile("@QueryParam\\(\"page\"\\)");
    private static final Pattern SIZE_AS_TEXT = Pattern.compile(
            "@QueryParam\\(\"(size|limit|page|offset)\"\\)\\s*(@\\w+(\\([^)]*\\))?\\s*)*String\\s");
    private static final Pattern FOLDED_CHAIN = Pattern.compile("\\b(\\w+)\\s*=\\s*\\1\\s*\\.\\s*chain\\s*\\(");
    private static final Pattern LOOP = Pattern.compile("(\\bfor\\s*\\(|\\bwhile\\s*\\(|\\bdo\\s*$|\\.forEach\\s*\\()");
    private static final Pattern PAGE_METHOD = Pattern.compile("Page<[\\w<>, ?.]*>+\\s+\\w+\\s*\\(");
    private static final Pattern COUNT = Pattern.compile("\\bcount\\s*\\(");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?org\\.gongzhi\\.(\\w+)\\.",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+org\\.gongzhi\\.(\\w+)(?:\\.(\\w+))?",
            Pattern.MULTILINE);
    /** Any mention of one of our packages in code: an import (static or not, or *) or a fully qualified name. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.gongzhi\\.(\\w+)\\.(\\w+|\\*)");

    private HouseRules() {
    }

    /** What breaks the rules in every Java source under {@code root} (the repository), each as "file: rule". */
    static List<String> scan(Path root) {
        List<String> found = new ArrayList<>();
        Map<String, Map<String, String>> mainSources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/")).sorted().toList()) {
                Path relative = root.relativize(file);
                String module = relative.getName(0).toString();
                String source = Files.readString(file);
                found.addAll(check(module, relative.toString(), source));
                if (relative.toString().contains("/src/main/java/")) {
                    mainSources.computeIfAbsent(module, m -> new TreeMap<>()).put(relative.toString(), source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mainSources.forEach((module, sources) -> found.addAll(packageCycles(module, sources)));
        return found;
    }

    /**
     * The package cycles among one module's main sources (file → source), each as "module: …". A package is
     * {@code org.gongzhi.<root>.<feature>} with its subpackages; classes right in {@code org.gongzhi.<root>} are one
     * more. It depends on another when its code names it (an import, a static or wildcard import, a fully qualified
     * name). Two or more packages that reach each other are one cycle, reported with a file for each dependency.
     */
    static List<String> packageCycles(String module, Map<String, String> sources) {
        // package → package it depends on → the first file that does it
        Map<String, Map<String, String>> dependsOn = new TreeMap<>();
        for (Map.Entry<String, String> file : sources.entrySet()) {
            String code = withoutTextAndComments(file.getValue());
            Matcher declared = PACKAGE.matcher(code);
            if (!declared.find()) {
                continue;
            }
            String root = declared.group(1);
            String own = declared.group(2) == null ? root : root + "." + declared.group(2);
            Map<String, String> targets = dependsOn.computeIfAbsent(own, p -> new TreeMap<>());
            Matcher reference = REFERENCE.matcher(code);
            while (reference.find()) {
                if (!reference.group(1).equals(root)) {
                    continue;
                }
                String feature = reference.group(2);
                boolean inRoot = feature.equals("*") || Character.isUpperCase(feature.charAt(0));
                String target = inRoot ? root : root + "." + feature;
                if (!target.equals(own)) {
                    targets.putIfAbsent(target, file.getKey());
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (List<String> cycle : stronglyConnected(dependsOn)) {
            StringBuilder why = new StringBuilder();
            for (String from : cycle) {
                dependsOn.get(from).forEach((to, file) -> {
                    if (cycle.contains(to)) {
                        why.append(why.isEmpty() ? "" : "; ").append(from).append(" → ").append(to).append(" in ")
                                .append(file.substring(file.lastIndexOf('/') + 1));
                    }
                });
            }
            found.add(module + ": package cycle among " + String.join(", ", cycle) + " (" + why + ")");
        }
        return found;
    }

    /** Tarjan's algorithm: the groups of two or more packages that reach each other, each sorted. */
    private static List<List<String>> stronglyConnected(Map<String, Map<String, String>> graph) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Integer> low = new LinkedHashMap<>();
        List<String> stack = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, groups);
            }
        }
        return groups;
    }

    private static void connect(String node, Map<String, Map<String, String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, List<String> stack, List<List<String>> groups) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.add(node);
        for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, groups);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            TreeSet<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                groups.add(List.copyOf(group));
            }
        }
    }

    /** What breaks the rules in one source file of {@code module}, each as "file: rule". */
    static List<String> check(String module, String file, String source) {
        List<String> found = new ArrayList<>();
        String code = withoutTextAndComments(source);
        boolean main = file.contains("src/main/");
        String name = file.substring(file.lastIndexOf('/') + 1);
        String codeAndText = withoutComments(source);
        if (main && !name.equals("PageQuery.java") && PAGE_PARAM.matcher(codeAndText).find()) {
            found.add(file + ": pages by hand (?page= outside PageQuery: extend PageQuery)");
        }
        Matcher asText = SIZE_AS_TEXT.matcher(codeAndText);
        if (main && asText.find()) {
            found.add(file + ": takes ?" + asText.group(1) + "= as text to parse by hand (an int with @Min/@Max, "
                    + "or PageQuery)");
        }
        Matcher fold = FOLDED_CHAIN.matcher(code);
        while (main && fold.find()) {
            if (inLoop(code, fold.start())) {
                found.add(file + ": folds " + fold.group(1) + ".chain(…) in a loop (InOrder.each / InOrder.map)");
            }
        }
        if (main) {
            Matcher page = PAGE_METHOD.matcher(code);
            while (page.find()) {
                String body = body(code, page.end());
                if (body != null && COUNT.matcher(body).find()) {
                    found.add(file + ": Panache count() behind a page (PageQuery.total)");
                }
            }
        }
        String own = SERVICES.containsKey(module) ? SERVICES.get(module) : SERVICE_PARTS.get(module);
        Matcher imported = IMPORT.matcher(code);
        while (imported.find()) {
            String other = imported.group(1);
            if (SERVICES.containsValue(other) && !other.equals(own)) {
                found.add(file + ": imports another service's package org.gongzhi." + other);
            }
            String part = SERVICE_PARTS.entrySet().stream().filter(e -> e.getValue().equals(other))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (part != null && !other.equals(own) && !module.equals(HOSTS.get(part))) {
                found.add(file + ": imports org.gongzhi." + other + ", a part of " + HOSTS.get(part)
                        + " (only it may)");
            }
        }
        return found;
    }

    /** Whether the statement at {@code at} lies in the body of a loop: some enclosing block opens after one. */
    private static boolean inLoop(String code, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == '}') {
                depth++;
            } else if (c == '{') {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                // an enclosing block: what opens it is the text since the previous statement or block
                String header = code.substring(statementStart(code, i), i).strip();
                if (LOOP.matcher(header).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the statement ending before {@code end} starts: after the last ; { or } outside parentheses. */
    private static int statementStart(String code, int end) {
        int parens = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                parens++;
            } else if (c == '(') {
                parens--;
            } else if (parens == 0 && (c == ';' || c == '{' || c == '}')) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The method body that opens after {@code from} (the declaration's parameters), or null for none (abstract). */
    private static String body(String code, int from) {
        int depth = 1;
        int i = from;
        for (; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        while (i < code.length() && code.charAt(i) != '{' && code.charAt(i) != ';') {
            i++;
        }
        if (i >= code.length() || code.charAt(i) == ';') {
            return null;
        }
        int open = i;
        depth = 0;
        for (; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(open, i + 1);
            }
        }
        return code.substring(open);
    }

    /** The source with string, text-block and char literals emptied and comments removed: only code is checked. */
    static String withoutTextAndComments(String source) {
        return strip(source, true);
    }

    /** The source with comments removed, literals kept. */
    static String withoutComments(String source) {
        return strip(source, false);
    }

    private static String strip(String source, boolean literals) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                out.append(literals ? "\"\"" : source.substring(i, end < 0 ? n : end + 3));
                i = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(literals ? c + "" + c : source.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
