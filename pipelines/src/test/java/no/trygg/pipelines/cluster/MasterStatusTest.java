package no.trygg.pipelines.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MasterStatusTest {

    @Test
    void readsWorkersAndApplicationsFromTheMastersJson() throws Exception {
        MasterStatus s = MasterStatus.parse("""
                {"url":"spark://127.0.0.1:17077","workers":[
                  {"id":"worker-1","state":"ALIVE","cores":2,"memory":2048},
                  {"id":"worker-0","state":"DEAD","cores":2,"memory":2048}],
                 "aliveworkers":1,"cores":2,"memory":2048,
                 "activeapps":[{"id":"app-2-0001","name":"trygg","state":"RUNNING"}],
                 "completedapps":[{"id":"app-1-0000","name":"trygg","state":"FINISHED"}],
                 "status":"ALIVE"}""");
        assertEquals(1, s.aliveWorkers());
        assertEquals(2048, s.memoryMb());
        assertEquals(List.of("app-2-0001 trygg"), s.activeApps());
        assertEquals(List.of("app-1-0000 trygg"), s.completedApps());
        assertTrue(s.ready());
    }

    @Test
    void aMasterWithoutAliveWorkersIsNotReady() throws Exception {
        assertFalse(MasterStatus.parse("{\"workers\":[],\"status\":\"ALIVE\"}").ready());
        assertFalse(MasterStatus.parse("{\"workers\":[{\"state\":\"ALIVE\"}],\"status\":\"STANDBY\"}").ready());
    }
}
