package org.opencrm.accountlifecycle.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Validated
@RestController
@RequestMapping("/api/registry")
class RegistryController {

    private final RegistryRepository registry;

    RegistryController(RegistryRepository registry) {
        this.registry = registry;
    }

    /** The latest deletions first. */
    @GetMapping
    RegistryPage list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new RegistryPage(
                registry.count(), page, size, registry.findAllByOrderByDeletedAtDescIdDesc(PageRequest.of(page, size)));
    }

    record RegistryPage(long total, int page, int size, List<RegistryEntry> entries) {}
}
