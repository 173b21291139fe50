package org.opencrm.accountlifecycle.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.opencrm.accountlifecycle.web.Paged;
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
    Paged<RegistryEntry> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new Paged<>(
                registry.count(), page, size, registry.findAllByOrderByDeletedAtDescIdDesc(PageRequest.of(page, size)));
    }
}
