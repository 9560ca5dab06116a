package org.safeguarding.backbone.chronology.pattern.process;

import java.util.List;
import javax.sql.DataSource;
import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same on the production store: the scopes' and the flags' queries, and V12-V13, on PostgreSQL. */
class PostgresPatternDetectorTest extends PatternDetectorTest {

    @Override
    DataSource store() {
        List<String> database = PostgresDatabase.freshSchemaFor("patterns");
        return new DriverManagerDataSource(database.get(0), database.get(1), database.get(2));
    }
}
