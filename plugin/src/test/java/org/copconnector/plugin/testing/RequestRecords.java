package org.copconnector.plugin.testing;

import com.google.gson.annotations.SerializedName;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.copconnector.plugin.json.Length;
import org.copconnector.plugin.json.Range;

/**
 * The records request bodies are read into, found from every resource method that takes a body, and
 * the bounds their fields declare: what tests of the input policy walk through.
 */
public final class RequestRecords {

  /** One field of a request, where it sits in the body, and its declared bound if any. */
  public record Field(
      Class<?> record, String path, RecordComponent component, Length length, Range range) {

    /** Whether the field is a list whose entries {@link #length} or {@link #range} bound. */
    public boolean isList() {
      return Collection.class.isAssignableFrom(component.getType());
    }

    /** The type of the field's value, or of each entry for a list. */
    public Class<?> valueType() {
      if (isList() && component.getGenericType() instanceof ParameterizedType list) {
        Type entry = list.getActualTypeArguments()[0];
        return entry instanceof Class<?> c ? c : Object.class;
      }
      return component.getType();
    }
  }

  private RequestRecords() {}

  /** The record types that resource methods of the product take as their body. */
  public static Set<Class<?>> bodies() {
    Set<Class<?>> bodies = new LinkedHashSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.copconnector")) {
      for (JavaMethod method : type.getMethods()) {
        if (!method.isAnnotatedWith(POST.class)
            && !method.isAnnotatedWith(PUT.class)
            && !method.isAnnotatedWith(PATCH.class)) {
          continue;
        }
        Method reflected = method.reflect();
        for (Parameter parameter : reflected.getParameters()) {
          if (parameter.getAnnotations().length == 0 && parameter.getType().isRecord()) {
            bodies.add(parameter.getType());
          }
        }
      }
    }
    return bodies;
  }

  /** Every field of {@code record}, nested records' fields included (a list's as its [0]). */
  public static List<Field> fields(Class<?> record) {
    List<Field> fields = new ArrayList<>();
    collect(record, "", fields);
    return fields;
  }

  private static void collect(Class<?> record, String prefix, List<Field> fields) {
    for (RecordComponent component : record.getRecordComponents()) {
      SerializedName name = component.getAnnotation(SerializedName.class);
      String path = prefix + (name == null ? component.getName() : name.value());
      Field field =
          new Field(
              record,
              path,
              component,
              component.getAnnotation(Length.class),
              component.getAnnotation(Range.class));
      fields.add(field);
      Class<?> value = field.valueType();
      if (value.isRecord()) {
        collect(value, path + (field.isList() ? "[0]." : "."), fields);
      }
    }
  }
}
