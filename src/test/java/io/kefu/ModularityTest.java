package io.kefu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(KefuApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicSurface() {
        modules.verify();
    }
}
