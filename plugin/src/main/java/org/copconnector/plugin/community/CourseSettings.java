package org.copconnector.plugin.community;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.copconnector.plugin.store.StoreException;

/** What a course's facilitators decided for it; by default only facilitators start communities. */
public final class CourseSettings {

  /** The settings of one course. */
  public record Settings(boolean teachersMayStartCommunities) {}

  private final DataSource dataSource;

  public CourseSettings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Settings of(String courseId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT teachers_start_communities FROM course_setting WHERE course_id = ?")) {
      ps.setString(1, courseId);
      try (ResultSet rs = ps.executeQuery()) {
        return new Settings(rs.next() && rs.getBoolean(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read course settings", e);
    }
  }

  public void save(String courseId, Settings settings) {
    String sql =
        "MERGE INTO course_setting t USING (SELECT CAST(? AS VARCHAR) AS c, CAST(? AS BOOLEAN) AS s) v"
            + " ON t.course_id = v.c WHEN MATCHED THEN UPDATE SET teachers_start_communities = v.s"
            + " WHEN NOT MATCHED THEN INSERT (course_id, teachers_start_communities) VALUES (v.c, v.s)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, courseId);
      ps.setBoolean(2, settings.teachersMayStartCommunities());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot save course settings", e);
    }
  }
}
