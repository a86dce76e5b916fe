package io.hrloop.improvement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of an item's merge patch, for the API document only: the body is read as a tree by
 * {@link ItemPatchParser}, because a patch must tell an absent member (unchanged) from a null one (cleared).
 */
@Schema(name = "ItemPatch", description = "JSON merge patch of an item: an absent member stays as it is; null clears "
        + "effort, targetDate or publicSummary. Status and owner have their own operations.")
record ItemPatchBody(
        @Schema(maxLength = 200) String title,
        @Schema(maxLength = 10000) String problem,
        @Schema(nullable = true, maxLength = 2000, description = "What HR tells everyone about the item") String publicSummary,
        @Schema(description = "Theme keys; not empty") List<String> themes,
        @Schema(nullable = true, description = "Person-days, positive, at most 2 decimals") BigDecimal effort,
        @Schema(nullable = true) LocalDate targetDate) {
}
