package com.siyu.mall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * After a fault drill: no accepted order lost, none stuck in PENDING_STOCK, each reservation applied once, stock
 * conserved. Prints PASS/FAIL lines with figures; exit code 1 when any check fails.
 * Usage: Invariants loadLog skusCsv stockPerSku settleSeconds
 */
public final class Invariants {

    private Invariants() {
    }

    public static void main(String[] a) throws Exception {
        List<String> accepted = new ArrayList<>();
        int failedFast = 0;
        int other = 0;
        long slowest = 0;
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            String[] f = line.split(" ");
            slowest = Math.max(slowest, Long.parseLong(f[2]));
            if (f[0].equals("202")) {
                accepted.add(f[1]);
            } else if (f[0].equals("503") || f[0].equals("504")) {
                failedFast++;
            } else {
                other++;
            }
        }
        List<String> skus = Files.readAllLines(Path.of(a[1])).stream().skip(1).filter(s -> !s.isBlank()).toList();
        long stockPerSku = Long.parseLong(a[2]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(a[3]));
        boolean ok = true;
        System.out.printf("load: %d accepted, %d answered 503/504, %d other, slowest answer %d ms%n",
                accepted.size(), failedFast, other, slowest);
        try (Connection c = DriverManager.getConnection(System.getenv().getOrDefault("MALL_MYSQL_URL",
                "jdbc:mysql://127.0.0.1:3306") + "/mall_order?useSSL=false&allowPublicKeyRetrieval=true", "root", "");
                Statement st = c.createStatement()) {
            String ids = accepted.isEmpty() ? "0" : String.join(",", accepted);
            long pending = Long.MAX_VALUE;
            while (Instant.now().isBefore(deadline)) {
                pending = count(st, "SELECT COUNT(*) FROM mall_order.sales_order WHERE status = 'PENDING_STOCK' AND id IN (" + ids + ")");
                if (pending == 0) {
                    break;
                }
                Thread.sleep(1000);
            }
            long found = count(st, "SELECT COUNT(*) FROM mall_order.sales_order WHERE id IN (" + ids + ")");
            ok &= check(found == accepted.size(), "no accepted order lost: %d of %d in the database", found, accepted.size());
            ok &= check(pending == 0, "no order stuck in PENDING_STOCK after %s s: %d", a[3], pending);
            long doubled = count(st, "SELECT COUNT(*) FROM (SELECT order_id, sku_id FROM mall_catalog.stock_ledger "
                    + "WHERE change_type = 'RESERVE' AND order_id IN (" + ids + ") GROUP BY order_id, sku_id HAVING COUNT(*) > 1) d");
            ok &= check(doubled == 0, "no reservation applied twice: %d doubled", doubled);
            long awaitingWithoutReservation = count(st, "SELECT COUNT(*) FROM mall_order.sales_order o WHERE o.id IN (" + ids
                    + ") AND o.status = 'AWAITING_PAYMENT' AND NOT EXISTS (SELECT 1 FROM mall_catalog.stock_reservation r "
                    + "WHERE r.order_id = o.id AND r.status = 'RESERVED')");
            ok &= check(awaitingWithoutReservation == 0, "every AWAITING_PAYMENT order holds a reservation: %d without",
                    awaitingWithoutReservation);
            String skuIn = String.join(",", skus);
            try (ResultSet rs = st.executeQuery("SELECT SUM(available + reserved + sold), COUNT(*) FROM mall_catalog.sku_stock WHERE sku_id IN (" + skuIn + ")")) {
                rs.next();
                long expected = stockPerSku * rs.getLong(2);
                ok &= check(rs.getLong(1) == expected, "stock conserved: available+reserved+sold = %d (expected %d)", rs.getLong(1), expected);
            }
            long reservedUnits = count(st, "SELECT COALESCE(SUM(reserved + sold), 0) FROM mall_catalog.sku_stock WHERE sku_id IN (" + skuIn + ")");
            long reservedLines = count(st, "SELECT COALESCE(SUM(l.quantity), 0) FROM mall_catalog.stock_reservation_line l JOIN mall_catalog.stock_reservation r "
                    + "ON r.order_id = l.order_id WHERE r.status IN ('RESERVED', 'CONFIRMED') AND l.sku_id IN (" + skuIn + ")");
            ok &= check(reservedUnits == reservedLines, "reserved+sold units %d = live reservation lines %d", reservedUnits, reservedLines);
        }
        System.out.println(ok ? "RESULT PASS" : "RESULT FAIL");
        System.exit(ok ? 0 : 1);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean check(boolean ok, String what, Object... args) {
        System.out.println((ok ? "  PASS " : "  FAIL ") + String.format(what, args));
        return ok;
    }
}
