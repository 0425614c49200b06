package org.copconnector.connector.server;

import com.google.gson.annotations.SerializedName;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Schemas as Gson writes the bodies: an enum constant by its {@code @SerializedName}; a nested
 * record named with its outer class ({@code HubResource.Hub}), since several resources have an
 * {@code Item} or a {@code Summary} of their own.
 */
final class GsonModelResolver extends ModelResolver {

  GsonModelResolver() {
    super(Json.mapper(), new NestedNames());
  }

  @Override
  @SuppressWarnings("rawtypes")
  protected Schema _createSchemaForEnum(Class<Enum<?>> type) {
    Schema schema = super._createSchemaForEnum(type);
    _addEnumProps(type, schema);
    return schema;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  protected void _addEnumProps(Class<?> type, Schema property) {
    List<Object> names = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      try {
        SerializedName serialized = type.getField(name).getAnnotation(SerializedName.class);
        names.add(serialized == null ? name : serialized.value());
      } catch (NoSuchFieldException e) {
        names.add(name);
      }
    }
    property.setEnum(names);
  }

  /** A class's name with the classes it is nested in, outermost first. */
  private static final class NestedNames extends TypeNameResolver {
    @Override
    protected String getNameOfClass(Class<?> type) {
      Class<?> outer = type.getEnclosingClass();
      return outer == null
          ? type.getSimpleName()
          : getNameOfClass(outer) + "." + type.getSimpleName();
    }
  }
}
