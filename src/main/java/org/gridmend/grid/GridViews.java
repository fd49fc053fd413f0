package org.gridmend.grid;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the staff read endpoints answer. Personal data arrives here already masked for callers who may not see it. */
public final class GridViews {

    private GridViews() {
    }

    public record FeederView(GridDocument.Feeder feeder, GridDocument.Substation substation, List<TreeNode> below) {
    }

    public record DeviceView(GridDocument.Device device, UpstreamChain upstream, List<TreeNode> below) {
    }

    public record TransformerView(GridDocument.Transformer transformer, UpstreamChain upstream,
                                  List<CustomerView> customers) {
    }

    /** {@code phoneMasked} tells a client whether {@code phone} is the real number. */
    public record CustomerView(String customerNo, String name, String phone, boolean phoneMasked, String transformerId,
                               double lat, double lng, String positionSource, String address, String meterNo) {

        static CustomerView of(CustomerRecord c, boolean unmasked) {
            String phone = unmasked ? c.phone() : org.gridmend.privacy.Pii.maskPhone(c.phone());
            return new CustomerView(c.customerNo(), c.name(), phone, !unmasked && c.phone() != null, c.transformerId(),
                    c.lat(), c.lng(), c.positionSource(), c.address(), c.meterNo());
        }
    }

    /** A device or transformer in a feeder's tree; transformers carry their customer count and have no children. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TreeNode(GridNode.Kind kind, String id, String name, DeviceType type, AreaType areaType,
                           Long customerCount, List<TreeNode> children) {
    }
}
