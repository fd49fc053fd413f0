package org.gridmend.grid;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gridmend.core.Pii;

/** What the staff read endpoints answer. Personal data arrives here already masked for callers who may not see it. */
public final class GridViews {

    private GridViews() {}

    public record FeederView(GridDocument.Feeder feeder, GridDocument.Substation substation, List<TreeNode> below) {}

    public record DeviceView(GridDocument.Device device, UpstreamChain upstream, List<TreeNode> below) {}

    public record TransformerView(
            GridDocument.Transformer transformer, UpstreamChain upstream, List<CustomerView> customers) {}

    /**
     * A customer of the archive. For anyone but an administrator the name, phone and address are masked
     * ({@code 王*}, {@code 138****5678}, the address's first six characters): staff need to recognise a customer,
     * not to read the archive; {@code masked} says which it is. Administrators' unmasked reads are audited.
     */
    public record CustomerView(
            String customerNo,
            String name,
            String phone,
            boolean masked,
            String transformerId,
            double lat,
            double lng,
            String positionSource,
            String address,
            String meterNo) {

        static CustomerView of(CustomerRecord c, boolean unmasked) {
            if (unmasked) {
                return new CustomerView(
                        c.customerNo(),
                        c.name(),
                        c.phone(),
                        false,
                        c.transformerId(),
                        c.lat(),
                        c.lng(),
                        c.positionSource(),
                        c.address(),
                        c.meterNo());
            }
            return new CustomerView(
                    c.customerNo(),
                    Pii.maskName(c.name()),
                    Pii.maskPhone(c.phone()),
                    true,
                    c.transformerId(),
                    c.lat(),
                    c.lng(),
                    c.positionSource(),
                    Pii.maskAddress(c.address()),
                    c.meterNo());
        }
    }

    /** A device or transformer in a feeder's tree; transformers carry their customer count and have no children. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TreeNode(
            GridNode.Kind kind,
            String id,
            String name,
            DeviceType type,
            AreaType areaType,
            Long customerCount,
            List<TreeNode> children) {}
}
