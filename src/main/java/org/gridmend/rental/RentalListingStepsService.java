package org.gridmend.rental;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.process.TaskRefusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The RentalListing process's steps: what the reviewer sees, the review, publishing, and telling a refusal. */
@Service
public class RentalListingStepsService {

    /** Why rental staff refuse a listing; the owner is told. */
    public enum ListingRefusal {
        NO_PHOTOS("缺少清晰的设备照片", "clear photos of the equipment are missing"),
        SPEC_IMPLAUSIBLE("设备参数不合理", "the specification is not plausible"),
        OWNERSHIP_UNCLEAR("无法确认设备归属", "the ownership cannot be confirmed"),
        PRICE_UNREASONABLE("租金或押金不合理", "the price or deposit is not reasonable"),
        NOT_RENTABLE("该设备不适合出租", "this equipment is not fit to rent out");

        final String zh;
        final String en;

        ListingRefusal(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    private final RentalItemMapper items;
    private final RentalPhotoMapper photos;
    private final RentalAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    RentalListingStepsService(
            RentalItemMapper items, RentalPhotoMapper photos, RentalAccess access, AuditTrail audit, Clock clock) {
        this.items = items;
        this.photos = photos;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> reviewShown(long id) {
        RentalItemMapper.ItemRow item = items.find(id);
        String publicId = PublicIds.rentalItem(id);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "listingSummary",
                String.format(
                        Locale.ROOT,
                        "%s · %s · %s · 额定 rating %s · 参数 specification %s · %s · 日租金 %s 元 a day · 押金 deposit %s 元"
                                + " · %d–%d 天 days · %s · 出租人已声明设备归其所有 ownership declared · 照片 photos: %s",
                        publicId,
                        RentalItemType.valueOf(item.type()).label(),
                        item.title(),
                        item.rating(),
                        RentalViews.spec(item.spec()).entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", ")),
                        item.utilityOwned() ? item.place() : Pii.maskAddress(item.place()),
                        item.dailyPrice().toPlainString(),
                        item.deposit().toPlainString(),
                        item.minDays(),
                        item.maxDays(),
                        item.needsInstallation() ? "需电工安装 needs installation" : "无需安装 no installation",
                        photos.ofItem(id).isEmpty()
                                ? "无 none"
                                : photos.ofItem(id).size() + " 张, /rental/admin#item=" + publicId));
        return shown;
    }

    /** The reviewer's answer; true when approved. A listing without photos cannot be approved. */
    @Transactional
    public boolean review(long id, Object decision, Object reason, String actor) {
        RentalItemMapper.ItemRow item = items.lock(id);
        if ("REFUSE".equals(decision)) {
            ListingRefusal why;
            try {
                why = ListingRefusal.valueOf(String.valueOf(reason));
            } catch (IllegalArgumentException e) {
                throw TaskRefusal.refuse("listingRefusalReason", "拒绝时请选择原因", "a refusal needs its reason");
            }
            items.setStatus(id, "REFUSED", why.name(), clock.instant());
            audit.record(AuditEntry.of("RENTAL_ITEM_REFUSED")
                    .user(actor)
                    .subject(PublicIds.rentalItem(id))
                    .detail("reason", why));
            return false;
        }
        if (!"APPROVE".equals(decision)) {
            throw TaskRefusal.refuse("listingDecision", "请选择通过或拒绝", "choose approve or refuse");
        }
        if (photos.ofItem(item.id()).isEmpty()) {
            throw TaskRefusal.refuse(
                    "listingDecision", "没有照片的设备不能通过，请以缺少照片拒绝", "an item without photos cannot be approved");
        }
        audit.record(AuditEntry.of("RENTAL_ITEM_APPROVED").user(actor).subject(PublicIds.rentalItem(id)));
        return true;
    }

    @Transactional
    public void publish(long id) {
        RentalItemMapper.ItemRow item = items.lock(id);
        if (!"PENDING_REVIEW".equals(item.status())) {
            return; // withdrawn by its owner while the review was being recorded
        }
        items.setStatus(id, "AVAILABLE", null, clock.instant());
        access.tellItemOwner(
                item, "RENTAL_ITEM_PUBLISHED", "rental.item_published", PublicIds.rentalItem(id), item.title());
    }

    @Transactional
    public void tellRefusal(long id) {
        RentalItemMapper.ItemRow item = items.find(id);
        ListingRefusal why = ListingRefusal.valueOf(item.refusalReason());
        access.tellItemOwner(
                item,
                "RENTAL_ITEM_REFUSED",
                "rental.item_refused",
                PublicIds.rentalItem(id),
                item.title(),
                why.zh,
                why.en);
    }
}
