package com.siyu.mall.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a run's {@code scenarios.jsonl} into {@code summary.json} (each scenario with the baseline it is compared
 * with and the ratio) and {@code summary.md}. Usage: Report resultsDir machineDescription
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Map<String, ObjectNode> s = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("scenarios.jsonl"))) {
            if (!line.isBlank()) {
                ObjectNode n = (ObjectNode) Api.JSON.readTree(line);
                s.put(n.path("scenario").asText(), n);
            }
        }
        compare(s, "gateway", "gateway-direct", "throughputPerSec", "throughputPerSec");
        addedLatency(s, "gateway", "gateway-direct");
        compare(s, "gateway-half", "gateway-direct-half", "throughputPerSec", "throughputPerSec");
        addedLatency(s, "gateway-half", "gateway-direct-half");
        compare(s, "gateway-nio", "gateway", "throughputPerSec", "throughputPerSec");
        compare(s, "catalog-read", "gateway", "throughputPerSec", "throughputPerSec");
        compare(s, "catalog-read-nocache", "gateway", "throughputPerSec", "throughputPerSec");
        compare(s, "order-place-max", "gateway", "acceptedPerSec", "throughputPerSec");
        compare(s, "order-place-half", "gateway", "acceptedPerSec", "throughputPerSec");
        compare(s, "hot-sku", "db-raw", "decisionsPerSec", "throughputPerSec");
        compare(s, "reserve-burst", "db-raw", "decisionsPerSec", "throughputPerSec");
        compare(s, "backlog-drain", "db-raw", "throughputPerSec", "throughputPerSec");
        compare(s, "wallet-debit", "db-raw", "throughputPerSec", "throughputPerSec");
        ArrayNode all = Api.JSON.createArrayNode();
        s.values().forEach(all::add);
        Files.writeString(dir.resolve("summary.json"), Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        Files.writeString(dir.resolve("summary.md"), markdown(s, args.length > 1 ? args[1] : ""));
        System.out.println(Files.readString(dir.resolve("summary.md")));
    }

    private static void compare(Map<String, ObjectNode> s, String name, String baseline, String field, String baseField) {
        ObjectNode n = s.get(name);
        ObjectNode b = s.get(baseline);
        if (n == null || b == null || b.path(baseField).asDouble() == 0) {
            return;
        }
        n.put("baseline", baseline);
        n.put("ratio", round(n.path(field).asDouble() / b.path(baseField).asDouble(), 3));
    }

    private static void addedLatency(Map<String, ObjectNode> s, String name, String baseline) {
        ObjectNode n = s.get(name);
        ObjectNode b = s.get(baseline);
        if (n != null && b != null) {
            n.put("addedP50Ms", round(n.path("p50Ms").asDouble() - b.path("p50Ms").asDouble(), 2));
            n.put("addedP99Ms", round(n.path("p99Ms").asDouble() - b.path("p99Ms").asDouble(), 2));
        }
    }

    private static String markdown(Map<String, ObjectNode> s, String machine) {
        StringBuilder md = new StringBuilder("# siyu-mall benchmark\n\n").append(machine).append("\n\n");
        md.append("| scenario | rate /s | p50 ms | p99 ms | errors | baseline | ratio | notes |\n");
        md.append("|---|---:|---:|---:|---:|---|---:|---|\n");
        for (ObjectNode n : s.values()) {
            String name = n.path("scenario").asText();
            if (name.startsWith("resources") || name.equals("startup")) {
                continue;
            }
            double rate = first(n, "throughputPerSec", "acceptedPerSec", "decisionsPerSec");
            md.append("| ").append(name).append(" | ").append(rate == 0 ? "" : String.format("%.1f", rate))
                    .append(" | ").append(n.path("p50Ms").asText("")).append(" | ").append(n.path("p99Ms").asText(""))
                    .append(" | ").append(n.path("errors").asText("")).append(" | ").append(n.path("baseline").asText(""))
                    .append(" | ").append(n.path("ratio").asText("")).append(" | ").append(notes(n)).append(" |\n");
        }
        for (ObjectNode n : s.values()) {
            String name = n.path("scenario").asText();
            if (name.startsWith("resources")) {
                md.append("\n**").append(name).append("** (RSS MB / CPU %): ");
                n.path("processes").fields().forEachRemaining(e -> md.append(e.getKey()).append(" ")
                        .append(e.getValue().path("rssMb").asText()).append(" / ").append(e.getValue().path("cpuPercent").asText())
                        .append("; "));
                md.append("\n");
            } else if (name.equals("startup")) {
                md.append("\n**startup** (s, each service's own \"Started … in\"): ");
                n.path("services").fields().forEachRemaining(e -> md.append(e.getKey()).append(" ")
                        .append(e.getValue().asText()).append("; "));
                md.append(n.has("stackSeconds") ? "whole stack (mall.sh up, cold) " + n.path("stackSeconds").asText() + " s" : "");
                md.append("\n");
            }
        }
        return md.toString();
    }

    private static String notes(JsonNode n) {
        StringBuilder notes = new StringBuilder();
        for (String f : new String[] {"addedP50Ms", "addedP99Ms", "threads", "users", "rate", "ordersAccepted",
                "ordersAwaitingPayment", "orders", "reservationDecisions", "oversold", "unitsTaken", "everyUnitSold", "debits", "balanceConsistent", "events", "processed", "publishedPerSec", "drainSeconds", "relayStartSeconds", "latency", "lag", "drain"}) {
            if (n.has(f)) {
                notes.append(f).append('=').append(n.path(f).asText()).append(' ');
            }
        }
        return notes.toString().strip();
    }

    private static double first(JsonNode n, String... fields) {
        for (String f : fields) {
            if (n.has(f)) {
                return n.path(f).asDouble();
            }
        }
        return 0;
    }

    private static double round(double v, int digits) {
        double p = Math.pow(10, digits);
        return Math.round(v * p) / p;
    }
}
