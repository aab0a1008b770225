package com.siyu.mall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU went during a load run, from a JFR recording ({@code jdk.ExecutionSample}): each sample
 * counts for the library closest to the top of its stack (JDK frames such as {@code HashMap.get} count for whoever
 * called them), so the shares add up to 100 %; plus the hottest methods (self).
 * Usage: Profile recording.jfr service out.md
 */
public final class Profile {

    /** Area → package prefixes; the first frame from the top that matches one decides the sample's area. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("JDBC driver + pool", List.of("com.mysql.", "com.zaxxer.hikari."));
        AREAS.put("MyBatis-Plus", List.of("com.baomidou.", "org.apache.ibatis.", "org.mybatis."));
        AREAS.put("Kafka clients", List.of("org.apache.kafka."));
        AREAS.put("Feign + load balancer", List.of("feign.", "org.springframework.cloud.openfeign.", "org.springframework.cloud.loadbalancer."));
        AREAS.put("Resilience4j", List.of("io.github.resilience4j."));
        AREAS.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson."));
        AREAS.put("Spring Security (incl. JWT)", List.of("org.springframework.security."));
        AREAS.put("EC signatures (ES256)", List.of("sun.security.ec.", "sun.security.util.math."));
        AREAS.put("Tomcat / HTTP", List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina."));
        AREAS.put("Micrometer / observation", List.of("io.micrometer."));
        AREAS.put("Spring (web, tx, data, Kafka listener)", List.of("org.springframework."));
        AREAS.put("our code (com.siyu.mall)", List.of("com.siyu.mall."));
    }

    private Profile() {
    }

    public static void main(String[] args) throws Exception {
        Path jfr = Path.of(args[0]);
        String service = args[1];
        Map<String, Integer> areas = new LinkedHashMap<>();
        AREAS.keySet().forEach(a -> areas.put(a, 0));
        Map<String, Integer> self = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            areas.merge(areaOf(frames), 1, Integer::sum);
        }
        StringBuilder md = new StringBuilder("### ").append(service).append(": where the CPU went (JFR, ")
                .append(samples).append(" execution samples)\n\n| area | share |\n|---|---:|\n");
        final int total = Math.max(1, samples);
        areas.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(a -> md.append("| ").append(a.getKey()).append(" | ")
                        .append(Math.round(100.0 * a.getValue() / total)).append(" % |\n"));
        md.append("\nHottest methods (self): ").append(self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .map(s -> "`" + s.getKey() + "` " + Math.round(100.0 * s.getValue() / total) + " %")
                .collect(Collectors.joining(", "))).append("\n");
        Files.writeString(Path.of(args[2]), md.toString());
        System.out.print(md);
    }

    private static String areaOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (var area : AREAS.entrySet()) {
                if (area.getValue().stream().anyMatch(name::startsWith)) {
                    return area.getKey();
                }
            }
        }
        return "JDK / other";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
