package org.copconnector.connector.server;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.copconnector.plugin.prompt.PromptSchedules;
import org.copconnector.plugin.training.Attendance;
import org.copconnector.plugin.training.Evaluation;
import org.copconnector.plugin.training.Satisfaction;
import org.copconnector.plugin.training.SessionPrompts;
import org.copconnector.plugin.training.TraineePortfolios;
import org.copconnector.plugin.training.TrainerDashboards;
import org.copconnector.plugin.training.TrainingActionResource;
import org.copconnector.plugin.training.TrainingActions;
import org.copconnector.plugin.training.TrainingRecords;
import org.copconnector.plugin.training.TrainingSessionResource;

/**
 * Continuous-training actions and their attendance, over the communities they come with and the
 * prompts their sessions open; wired in one place for the server and the tests.
 */
public record TrainingServices(
    TrainingActions actions,
    Attendance attendance,
    Evaluation evaluation,
    Satisfaction satisfaction,
    TrainingRecords records,
    TrainerDashboards dashboards,
    TraineePortfolios portfolios,
    SessionPrompts sessionPrompts) {

  /** {@code zone}: where session times are written in the printed records. */
  public static TrainingServices wire(
      DataSource dataSource,
      CommunityServices core,
      PromptSchedules prompts,
      ZoneId zone,
      Clock clock) {
    Attendance attendance = new Attendance(dataSource, core.people(), clock);
    Evaluation evaluation = new Evaluation(dataSource, core.people(), attendance, clock);
    Satisfaction satisfaction = new Satisfaction(dataSource, core.people(), clock);
    return new TrainingServices(
        new TrainingActions(dataSource, core.people(), core.communities(), attendance, clock),
        attendance,
        evaluation,
        satisfaction,
        new TrainingRecords(dataSource, core.people(), evaluation, satisfaction, zone, clock),
        new TrainerDashboards(dataSource, core.people(), attendance, clock),
        new TraineePortfolios(dataSource, core.people(), clock),
        new SessionPrompts(dataSource, prompts, core.people(), clock));
  }

  /** The HTTP resources that serve them. */
  public List<Object> resources() {
    return List.of(
        new TrainingActionResource(
            actions, attendance, evaluation, satisfaction, records, dashboards, portfolios),
        new TrainingSessionResource(actions, attendance));
  }
}
