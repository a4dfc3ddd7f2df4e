package no.trygg.publish.superset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RisonTest {

    @Test
    void pageQueryAsSupersetReadsIt() {
        assertEquals("(page_size:100,page:2)", Rison.page(100, 2));
        assertEquals("q=%28page_size%3A100%2Cpage%3A0%29", Rison.query(Rison.page(100, 0)));
    }

    @Test
    void valuesWordsAndQuotedStrings() {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("col", "uuid");
        filter.put("opr", "eq");
        filter.put("value", "6f1e3c1a-1b2c");
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("filters", List.of(filter));
        q.put("keep", true);
        q.put("none", null);
        q.put("text", "it's 1 day!");
        assertEquals("(filters:!((col:uuid,opr:eq,value:'6f1e3c1a-1b2c')),keep:!t,none:!n,text:'it!'s 1 day!!')", Rison.encode(q));
        assertEquals("!(1,2.5,'')", Rison.encode(List.of(1, 2.5, "")));
    }
}
