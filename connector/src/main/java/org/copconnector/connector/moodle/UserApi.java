package org.copconnector.connector.moodle;

import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.List;

/** Users by a field: {@code core_user_get_users_by_field}, in batches under max_input_vars. */
public final class UserApi {

  /** A site user. */
  public record User(
      long id,
      String username,
      String firstname,
      String lastname,
      String fullname,
      String email,
      String lang,
      String timezone,
      boolean suspended) {}

  /** The fields users can be looked up by. */
  public enum Field {
    ID,
    IDNUMBER,
    USERNAME,
    EMAIL
  }

  private final MoodleClient client;

  public UserApi(MoodleClient client) {
    this.client = client;
  }

  public List<User> usersByField(Field field, List<String> values) {
    List<User> users = new ArrayList<>();
    for (List<String> batch : client.batches(values, 1, 1)) {
      List<User> found =
          client.read(
              "core_user_get_users_by_field",
              MoodleParams.of().put("field", field).put("values", batch),
              new TypeToken<List<User>>() {}.getType());
      users.addAll(found);
    }
    return users;
  }
}
