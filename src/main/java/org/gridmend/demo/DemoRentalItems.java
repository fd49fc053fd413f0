package org.gridmend.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.gridmend.rental.ItemListing;

/**
 * The demo's rental equipment: the utility's catalogue around the city centre (the 30 kW generator first, then the
 * 100 kW generator truck, the 500 kW one, the EV, the van, the charger, …) and a picture for listing photos.
 */
final class DemoRentalItems {

    private DemoRentalItems() {}

    static List<ItemListing> utility() {
        return List.of(
                item(
                        "GENERATOR",
                        "康明斯 30 kW 静音柴油发电机",
                        "30 kW",
                        Map.of("powerKw", 30, "fuel", "DIESEL", "phases", "3"),
                        0.004,
                        0.006,
                        "长春供电公司南关物资仓库",
                        450,
                        3000,
                        false,
                        null),
                item(
                        "GENERATOR",
                        "潍柴 100 kW 应急发电车",
                        "100 kW",
                        Map.of("powerKw", 100, "fuel", "DIESEL", "phases", "3"),
                        -0.01,
                        0.01,
                        "长春供电公司朝阳物资仓库",
                        1500,
                        10000,
                        true,
                        null),
                item(
                        "GENERATOR",
                        "玉柴 500 kW 发电车",
                        "500 kW",
                        Map.of("powerKw", 500, "fuel", "DIESEL", "phases", "3"),
                        0.02,
                        -0.01,
                        "长春供电公司绿园物资仓库",
                        5000,
                        30000,
                        true,
                        null),
                item(
                        "EV",
                        "比亚迪 e6 电动汽车",
                        "5 座 seats",
                        Map.of("seats", 5, "rangeKm", 450, "batteryKwh", 80),
                        0.0,
                        0.0,
                        "供电营业厅停车场",
                        260,
                        3000,
                        false,
                        null),
                item(
                        "EV",
                        "五菱 电动面包车",
                        "2 座 seats",
                        Map.of("seats", 2, "rangeKm", 300, "batteryKwh", 42),
                        0.006,
                        -0.004,
                        "供电营业厅停车场",
                        180,
                        2000,
                        false,
                        null),
                item(
                        "EV_CHARGER",
                        "移动充电桩 7 kW",
                        "7 kW",
                        Map.of("powerKw", 7, "connector", "GBT_AC"),
                        -0.004,
                        -0.006,
                        "供电营业厅",
                        60,
                        800,
                        true,
                        null),
                item(
                        "TRANSFORMER",
                        "箱式变电站 630 kVA",
                        "630 kVA",
                        Map.of("capacityKva", 630, "primaryKv", 10, "secondaryKv", 0.4),
                        -0.02,
                        0.02,
                        "朝阳物资仓库",
                        2200,
                        50000,
                        true,
                        null),
                item(
                        "SWITCHGEAR",
                        "10 kV 环网柜",
                        "10 kV 630 A",
                        Map.of("voltageKv", 10, "ratedCurrentA", 630),
                        -0.02,
                        0.021,
                        "朝阳物资仓库",
                        900,
                        20000,
                        true,
                        null),
                item(
                        "CABLE_REEL",
                        "YJV22 电缆盘 200 米",
                        "3×95 mm²",
                        Map.of("lengthM", 200, "crossSectionMm2", 95),
                        0.004,
                        0.0062,
                        "南关物资仓库",
                        150,
                        5000,
                        false,
                        null),
                item(
                        "MEASURING_INSTRUMENT",
                        "数字绝缘电阻测试仪",
                        "5 kV",
                        Map.of("instrument", "绝缘电阻测试仪", "range", "0–5 kV, 0–10 TΩ"),
                        0.004,
                        0.0064,
                        "南关物资仓库",
                        80,
                        1500,
                        false,
                        null));
    }

    static ItemListing item(
            String type,
            String title,
            String rating,
            Map<String, Object> spec,
            double dLat,
            double dLng,
            String place,
            int price,
            int deposit,
            boolean installation,
            Boolean declared) {
        return new ItemListing(
                UUID.randomUUID().toString(),
                type,
                title,
                rating,
                spec,
                DemoGrid.CENTRE_LAT + dLat,
                DemoGrid.CENTRE_LNG + dLng,
                place,
                price,
                deposit,
                1,
                14,
                installation,
                declared);
    }

    /** A plain picture standing for the item's photo. */
    static byte[] photo(String title) {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEA, 0xEE, 0xF2));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(0x1A, 0x7F, 0x37));
        g.fillRoundRect(60, 80, 360, 160, 24, 24);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("GridMend " + Math.abs(title.hashCode() % 1000), 110, 170);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
