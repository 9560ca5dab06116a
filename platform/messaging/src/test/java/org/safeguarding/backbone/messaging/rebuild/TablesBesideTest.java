package org.safeguarding.backbone.messaging.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tables built beside the live ones take their places with their keys, indexes and foreign keys under the live names;
 * and a switch that fails half-way on H2 (which commits each rename by itself) is put back, the live tables as they
 * were.
 */
class TablesBesideTest {

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    private final TablesBeside tables = new TablesBeside(List.of("parcel", "parcel_item"));

    @BeforeEach
    void migrations() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:beside-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table parcel (parcel_id varchar(40) not null primary key, child_id varchar(10) not null,"
                + " note varchar(200))");
        jdbc.execute("create index parcel_child on parcel (child_id)");
        jdbc.execute("create table parcel_item (parcel_id varchar(40) not null, position int not null,"
                + " agency varchar(40), primary key (parcel_id, position),"
                + " constraint parcel_item_of foreign key (parcel_id) references parcel (parcel_id))");
        jdbc.execute("create unique index parcel_item_agency on parcel_item (parcel_id, agency)");
        jdbc.update("insert into parcel values ('live', '9990001510', 'as it was')");
        jdbc.update("insert into parcel_item values ('live', 0, 'csc-a')");
    }

    @Test
    void theTwinsTakeTheLiveTablesPlaces_keysIndexesAndForeignKeysUnderTheLiveNames() throws Exception {
        List<String> indexes = indexesOf("PARCEL_ITEM");
        tables.create(jdbc, dataSource);
        jdbc.update("insert into parcel_rebuild values ('rebuilt', '9990001510', null)");
        jdbc.update("insert into parcel_item_rebuild values ('rebuilt', 0, 'gp-a')");
        assertThatThrownBy(() -> jdbc.update("insert into parcel_rebuild values ('x', null, null)"))
                .hasMessageContaining("CHILD_ID");
        assertThatThrownBy(() -> tables.switchIn(jdbc)).as("not indexed yet").hasMessageContaining("index()");
        tables.index(jdbc);
        // the twin has the live table's rules: the foreign key refers to the twin beside it, not the live table
        assertThatThrownBy(() -> jdbc.update("insert into parcel_item_rebuild values ('live', 1, 'gp-a')"))
                .hasMessageContaining("PARCEL_ITEM_OF_R");
        tables.switchIn(jdbc);

        assertThat(jdbc.queryForList("select parcel_id from parcel", String.class)).containsExactly("rebuilt");
        assertThat(jdbc.queryForList("select agency from parcel_item", String.class)).containsExactly("gp-a");
        assertThat(names("select index_name from information_schema.indexes where table_name = 'PARCEL'"))
                .contains("PARCEL_CHILD");
        assertThat(names("select index_name from information_schema.indexes where table_name = 'PARCEL_ITEM'"))
                .contains("PARCEL_ITEM_AGENCY");
        assertThat(names("select constraint_name from information_schema.table_constraints"
                + " where table_name = 'PARCEL_ITEM'")).contains("PARCEL_ITEM_OF");
        assertThatThrownBy(() -> jdbc.update("insert into parcel_item values ('nowhere', 0, 'gp-a')"))
                .hasMessageContaining("PARCEL_ITEM_OF");
        assertThat(names("select table_name from information_schema.tables where table_name like 'PARCEL%'"))
                .containsExactlyInAnyOrder("PARCEL", "PARCEL_ITEM");
        assertThat(indexesOf("PARCEL_ITEM")).as("the same indexes, no more").isEqualTo(indexes);
    }

    @Test
    void twinsMadeWithoutKeys_takeRowsInAnyOrder_andGetTheirKeysWithTheIndexes_aDuplicateFailingThere()
            throws Exception {
        tables.createWithoutKeys(jdbc, dataSource);
        jdbc.update("insert into parcel_rebuild values ('rebuilt', '9990001510', null)");
        jdbc.update("insert into parcel_rebuild values ('rebuilt', '9990001510', 'twice: no key yet to refuse it')");
        assertThatThrownBy(() -> tables.index(jdbc)).as("the key comes with the indexes")
                .hasMessageContaining("primary key violation");
        jdbc.update("delete from parcel_rebuild where note is not null");
        jdbc.update("insert into parcel_item_rebuild values ('rebuilt', 0, 'gp-a')");
        tables.index(jdbc);
        assertThatThrownBy(() -> jdbc.update("insert into parcel_rebuild values ('rebuilt', '9990001510', null)"))
                .as("keyed now").hasMessageContaining("primary key violation");
        tables.switchIn(jdbc);

        assertThat(jdbc.queryForList("select agency from parcel_item", String.class)).containsExactly("gp-a");
        assertThatThrownBy(() -> jdbc.update("insert into parcel_item values ('rebuilt', 0, 'school-a')"))
                .as("the live table's key, under its name").hasMessageContaining("primary key violation");
        assertThatThrownBy(() -> jdbc.update("insert into parcel_item values ('nowhere', 1, 'gp-a')"))
                .hasMessageContaining("PARCEL_ITEM_OF");
    }

    /** A table's indexes and their columns, but for the primary key's own (H2 names it itself). */
    private List<String> indexesOf(String table) {
        return names("select i.index_name || ' ' || c.column_name from information_schema.indexes i"
                + " join information_schema.index_columns c on c.index_name = i.index_name and c.table_name = i.table_name"
                + " where i.table_name = '" + table + "' and i.index_type_name <> 'PRIMARY KEY'"
                + " order by 1");
    }

    @Test
    void aSwitchThatFailedHalfWay_isPutBack_theLiveTablesAsTheyWere() throws Exception {
        tables.create(jdbc, dataSource);
        jdbc.update("insert into parcel_rebuild values ('rebuilt', '9990001510', null)");
        // H2 committed these renames before the switch failed: parcel's twin in its place, parcel_item stepped aside
        jdbc.execute("alter table parcel rename to parcel_old");
        jdbc.execute("alter table parcel_item rename to parcel_item_old");
        jdbc.execute("alter table parcel_rebuild rename to parcel");

        tables.restore(jdbc, dataSource);

        assertThat(jdbc.queryForList("select note from parcel", String.class)).containsExactly("as it was");
        assertThat(jdbc.queryForList("select agency from parcel_item", String.class)).containsExactly("csc-a");
        assertThat(names("select table_name from information_schema.tables where table_name like 'PARCEL%'"))
                .containsExactlyInAnyOrder("PARCEL", "PARCEL_ITEM");
        assertThat(names("select index_name from information_schema.indexes where table_name = 'PARCEL'"))
                .contains("PARCEL_CHILD");
        // and a rebuild can be tried again
        tables.create(jdbc, dataSource);
        tables.index(jdbc);
        tables.switchIn(jdbc);
        assertThat(jdbc.queryForObject("select count(*) from parcel", Integer.class)).isZero();
    }

    private List<String> names(String sql) {
        return jdbc.queryForList(sql, String.class);
    }
}
